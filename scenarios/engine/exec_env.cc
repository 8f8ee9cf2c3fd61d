// Building the exec step's environment and the files it points at: a private bin folder whose
// ssh/scp/sftp pass -F with the world's OpenSSH config (OpenSSH reads ~/.ssh/config from the
// passwd home, never $HOME), and an AWS config and credentials file for the acting identity.
#include "scenarios/engine/exec_env.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "core/ssh/shell_quote.h"
#include "scenarios/engine/exec_process.h"

namespace opsreg::scenarios {

namespace fs = std::filesystem;

namespace {

std::string machine(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

std::string machine_path() { return machine("PATH", "/usr/local/bin:/usr/bin:/bin"); }

// The first executable `name` on `path`, skipping `skip` and the current folder; "" when none.
std::string on_path(const std::string& name, const std::string& path, const fs::path& skip = {}) {
  for (const fs::path dir : path_folders(path)) {
    if (dir == "." || (!skip.empty() && dir == skip)) continue;
    fs::path p = dir / name;
    if (::access(p.c_str(), X_OK) == 0) return p.string();
  }
  return "";
}

aws::Error setup_failed(const fs::path& p) {
  return aws::make_error("ExecSetupFailed", "cannot write " + p.string(), 0);
}

Status write_file(const fs::path& p, const std::string& text, fs::perms mode) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return setup_failed(p);
  std::error_code ec;
  fs::permissions(p, mode, ec);
  if (ec) return setup_failed(p);
  return {};
}

// DIR/bin: ssh, scp and sftp that run the machine's own with -F "$OPSREG_SSH_CONFIG".
Result<fs::path> wrapper_bin(const fs::path& dir) {
  fs::path bin = dir / "bin";
  std::error_code ec;
  fs::create_directories(bin, ec);
  if (ec) return setup_failed(bin);
  for (const char* tool : {"ssh", "scp", "sftp"}) {
    std::string real = on_path(tool, machine_path(), bin);
    if (real.empty()) continue;  // not installed: the tool finds none, as on the machine
    std::string script = std::string("#!/bin/sh\n# ") + tool +
                         " with the world's OpenSSH config (opsreg scenario exec step)\n"
                         "exec " +
                         ssh::shell_quote(real) + " -F \"$OPSREG_SSH_CONFIG\" \"$@\"\n";
    if (Status s = write_file(bin / tool, script, fs::perms::owner_all); !s.ok()) return s.error();
  }
  return bin;
}

// DIR/aws-KEYID/{config,credentials}: the identity's keys under [default], the world's region.
Result<std::pair<fs::path, fs::path>> aws_files(const fs::path& dir, const aws::Credentials& c,
                                                const std::string& region) {
  fs::path folder = dir / ("aws-" + c.access_key_id);
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return setup_failed(folder);
  fs::permissions(folder, fs::perms::owner_all, ec);
  std::string creds = "[default]\naws_access_key_id = " + c.access_key_id +
                      "\naws_secret_access_key = " + c.secret_access_key + "\n";
  if (!c.session_token.empty()) creds += "aws_session_token = " + c.session_token + "\n";
  const auto private_file = fs::perms::owner_read | fs::perms::owner_write;
  if (Status s = write_file(folder / "credentials", creds, private_file); !s.ok()) return s.error();
  if (Status s =
          write_file(folder / "config", "[default]\nregion = " + region + "\n", private_file);
      !s.ok())
    return s.error();
  return std::pair{folder / "config", folder / "credentials"};
}

}  // namespace

std::string real_ssh() {
  std::string found = on_path("ssh", machine_path());
  return found.empty() ? "ssh" : found;
}

Result<std::vector<std::string>> exec_environment(ScenarioWorld& w,
                                                  const aws::Credentials& credentials,
                                                  const nlohmann::json& overrides) {
  fs::path dir = w.fleet().dir() / "exec";
  auto bin = wrapper_bin(dir);
  if (!bin.ok()) return bin.error();
  std::map<std::string, std::string> env = {{"PATH", bin->string() + ":" + machine_path()},
                                            {"LANG", machine("LANG", "C.UTF-8")},
                                            {"TERM", "dumb"}};
  for (auto& [k, v] : w.harness().tool_env(credentials)) env[k] = v;
  auto files = aws_files(dir, credentials, w.world().region());
  if (!files.ok()) return files.error();
  env["AWS_CONFIG_FILE"] = files->first.string();
  env["AWS_SHARED_CREDENTIALS_FILE"] = files->second.string();
  if (overrides.is_object())
    for (auto& [k, v] : overrides.items()) {
      if (v.is_null())
        env.erase(k);
      else
        env[k] = v.get<std::string>();
    }
  std::vector<std::string> out;
  for (auto& [k, v] : env) out.push_back(k + "=" + v);
  return out;
}

}  // namespace opsreg::scenarios
