// User authentication for the SSH runner: key files, keyboard-interactive, password, in
// OpenSSH's default order, and ssh's "Permission denied (...)" message on failure.
#include <sys/stat.h>

#include <set>

#include "core/ssh/ssh_runner_impl.h"

namespace opsreg::ssh {
namespace {

constexpr int kPasswordPrompts = 3;  // ssh's NumberOfPasswordPrompts default

// The server's methods in the order sshd lists them.
std::string method_list(int methods) {
  std::string out;
  auto add = [&](int bit, const char* name) {
    if ((methods & bit) == 0) return;
    if (!out.empty()) out += ',';
    out += name;
  };
  add(SSH_AUTH_METHOD_PUBLICKEY, "publickey");
  add(SSH_AUTH_METHOD_GSSAPI_MIC, "gssapi-with-mic");
  add(SSH_AUTH_METHOD_PASSWORD, "password");
  add(SSH_AUTH_METHOD_INTERACTIVE, "keyboard-interactive");
  add(SSH_AUTH_METHOD_HOSTBASED, "hostbased");
  return out;
}

bool file_exists(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0;
}

enum class Outcome { kSuccess, kDenied, kError };

Outcome from_rc(int rc) {
  if (rc == SSH_AUTH_SUCCESS) return Outcome::kSuccess;
  if (rc == SSH_AUTH_ERROR) return Outcome::kError;
  return Outcome::kDenied;  // DENIED, PARTIAL (another method still needed)
}

Outcome try_publickey(ssh_session s, const SshConnectOptions& o, std::string* problem) {
  for (const std::string& path : o.identity_files) {
    if (!file_exists(path)) {
      if (o.identities_required) {
        *problem = "Warning: Identity file " + path + " not accessible: No such file or directory.";
      }
      continue;
    }
    ssh_key key = nullptr;
    if (ssh_pki_import_privkey_file(path.c_str(), nullptr, nullptr, nullptr, &key) != SSH_OK) {
      if (o.on_notice) o.on_notice("Load key \"" + path + "\": invalid format");
      continue;
    }
    int rc = ssh_userauth_publickey(s, nullptr, key);
    ssh_key_free(key);
    Outcome out = from_rc(rc);
    if (out != Outcome::kDenied) return out;
  }
  return Outcome::kDenied;
}

// Every echo-off question is answered from the secret source; echoed questions get "".
Outcome try_kbdint(ssh_session s, const SshConnectOptions& o, std::set<std::string>* tried) {
  for (int attempt = 0; attempt < kPasswordPrompts; ++attempt) {
    int rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    bool answered_any = false;
    while (rc == SSH_AUTH_INFO) {
      int n = ssh_userauth_kbdint_getnprompts(s);
      for (int i = 0; i < n; ++i) {
        char echo = 0;
        const char* prompt = ssh_userauth_kbdint_getprompt(s, i, &echo);
        std::string answer;
        if (!echo) {
          std::optional<std::string> secret =
              o.password("(" + o.user + "@" + o.host + ") " + (prompt ? prompt : "Password: "));
          if (!secret || tried->count(*secret)) return Outcome::kDenied;
          answer = *secret;
          tried->insert(answer);
          answered_any = true;
        }
        if (ssh_userauth_kbdint_setanswer(s, i, answer.c_str()) < 0) return Outcome::kError;
      }
      rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    }
    Outcome out = from_rc(rc);
    if (out != Outcome::kDenied || !answered_any) return out;
  }
  return Outcome::kDenied;
}

Outcome try_password(ssh_session s, const SshConnectOptions& o, std::set<std::string>* tried) {
  for (int attempt = 0; attempt < kPasswordPrompts; ++attempt) {
    std::optional<std::string> secret = o.password(o.user + "@" + o.host + "'s password: ");
    // The same answer twice (an environment variable) cannot succeed the second time.
    if (!secret || tried->count(*secret)) return Outcome::kDenied;
    tried->insert(*secret);
    Outcome out = from_rc(ssh_userauth_password(s, nullptr, secret->c_str()));
    if (out != Outcome::kDenied) return out;
  }
  return Outcome::kDenied;
}

}  // namespace

Result<std::string> authenticate(ssh_session s, const SshConnectOptions& o, bool password_allowed) {
  auto error = [&]() {
    return aws::make_error("SshProtocolError", std::string("authentication: ") + ssh_get_error(s));
  };
  int rc = ssh_userauth_none(s, nullptr);
  if (rc == SSH_AUTH_SUCCESS) return std::string("none");
  if (rc == SSH_AUTH_ERROR) return error();
  const int offered = ssh_userauth_list(s, nullptr);
  std::string problem;
  std::set<std::string> tried;  // secrets already refused, held only for this call

  if ((ssh_userauth_list(s, nullptr) & SSH_AUTH_METHOD_PUBLICKEY) != 0) {
    Outcome out = try_publickey(s, o, &problem);
    if (out == Outcome::kSuccess) return std::string("publickey");
    if (out == Outcome::kError) return error();
  }
  if (password_allowed && o.password &&
      (ssh_userauth_list(s, nullptr) & SSH_AUTH_METHOD_INTERACTIVE) != 0) {
    Outcome out = try_kbdint(s, o, &tried);
    if (out == Outcome::kSuccess) return std::string("keyboard-interactive");
    if (out == Outcome::kError) return error();
  }
  if (password_allowed && o.password &&
      (ssh_userauth_list(s, nullptr) & SSH_AUTH_METHOD_PASSWORD) != 0) {
    Outcome out = try_password(s, o, &tried);
    if (out == Outcome::kSuccess) return std::string("password");
    if (out == Outcome::kError) return error();
  }
  std::string message =
      o.user + "@" + o.host + ": Permission denied (" + method_list(offered) + ").";
  if (!problem.empty()) message = problem + "\n" + message;
  return aws::make_error("PermissionDenied", message);
}

}  // namespace opsreg::ssh
