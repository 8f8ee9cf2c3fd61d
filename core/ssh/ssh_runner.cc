// SshRunner: the TCP connection, the libssh session options, key exchange and the host key
// decision. Authentication is in ssh_auth.cc, running commands in ssh_run.cc.
#include "core/ssh/ssh_runner.h"

#include <sys/stat.h>
#include <unistd.h>

#include "core/aws/crypto.h"
#include "core/ssh/ssh_runner_impl.h"
#include "core/ssh/tcp_connect.h"

namespace opsreg::ssh {
namespace {

// Host key algorithms: those already filed for this host first (so a known key is offered
// and checked, as OpenSSH orders them), then the usual modern set.
std::string host_key_algorithms(const std::vector<std::string>& known_types) {
  std::vector<std::string> algs;
  auto add = [&](const std::string& a) {
    for (const std::string& x : algs) {
      if (x == a) return;
    }
    algs.push_back(a);
  };
  for (const std::string& t : known_types) {
    if (t == "ssh-rsa") {
      add("rsa-sha2-512");
      add("rsa-sha2-256");
    } else if (t == "ssh-ed25519" || t.rfind("ecdsa-sha2-nistp", 0) == 0) {
      add(t);
    }
  }
  for (const char* a : {"ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
                        "ecdsa-sha2-nistp521", "rsa-sha2-512", "rsa-sha2-256"}) {
    add(a);
  }
  std::string out;
  for (const std::string& a : algs) out += (out.empty() ? "" : ",") + a;
  return out;
}

aws::Error protocol_error(ssh_session s, const std::string& what) {
  return aws::make_error("SshProtocolError", what + ": " + ssh_get_error(s));
}

}  // namespace

SshConnectOptions SshConnectOptions::from_resolved(const ResolvedHost& r) {
  SshConnectOptions o;
  o.host = r.hostname;
  o.port = r.port;
  o.user = r.user;
  o.identity_files = r.identity_files;
  o.identities_required = !r.identity_defaulted;
  if (r.connect_timeout) o.timeout = std::chrono::seconds(*r.connect_timeout);
  o.host_key.strict = r.strict;
  o.host_key.user_files = r.known_hosts_files;
  o.host_key.global_files = r.global_known_hosts_files;
  o.host_key.hash_new_entries = r.hash_known_hosts;
  o.host_key.alias = r.host_key_alias;
  return o;
}

SshRunner::SshRunner(SshConnectOptions options)
    : options_(std::move(options)), impl_(std::make_unique<Impl>()) {}

SshRunner::~SshRunner() = default;

void SshRunner::disconnect() { impl_ = std::make_unique<Impl>(); }

Status SshRunner::connect() {
  if (impl_->session != nullptr) {
    return aws::make_error("SshProtocolError", "connect() called twice");
  }
  Result<int> fd = tcp_connect(options_.host, options_.port, options_.timeout);
  if (!fd.ok()) return fd.error();

  impl_->fd = *fd;
  struct stat st {};
  if (fstat(*fd, &st) == 0) impl_->fd_inode = st.st_ino;
  ssh_session s = ssh_new();
  if (s == nullptr) return aws::make_error("SshProtocolError", "cannot allocate an SSH session");
  impl_->session = s;
  socket_t sock = *fd;
  long secs = static_cast<long>(options_.timeout.count() / 1000);
  long usecs = static_cast<long>((options_.timeout.count() % 1000) * 1000);
  int port = options_.port;
  bool no = false;
  const std::string name = options_.host_key.alias.empty()
                               ? known_hosts_name(options_.host, options_.port)
                               : known_hosts_name(options_.host_key.alias, 22);
  std::vector<std::string> files = options_.host_key.user_files;
  files.insert(files.end(), options_.host_key.global_files.begin(),
               options_.host_key.global_files.end());
  const std::string algs = host_key_algorithms(KnownHosts::load(files).known_types(name));
  // Our own ssh_config and known_hosts handling replaces libssh's: it must not read
  // ~/.ssh/config again nor reorder algorithms from its own known_hosts lookup.
  if (ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &no) < 0 ||
      ssh_options_set(s, SSH_OPTIONS_HOST, options_.host.c_str()) < 0 ||
      ssh_options_set(s, SSH_OPTIONS_PORT, &port) < 0 ||
      ssh_options_set(s, SSH_OPTIONS_USER, options_.user.c_str()) < 0 ||
      ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &secs) < 0 ||
      ssh_options_set(s, SSH_OPTIONS_TIMEOUT_USEC, &usecs) < 0 ||
      ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, "/dev/null") < 0 ||
      ssh_options_set(s, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null") < 0 ||
      ssh_options_set(s, SSH_OPTIONS_HOSTKEYS, algs.c_str()) < 0 ||
      ssh_options_set(s, SSH_OPTIONS_FD, &sock) < 0) {
    return protocol_error(s, "ssh options");
  }
  if (ssh_connect(s) != SSH_OK) {
    std::string why = ssh_get_error(s);
    if (why.find("Timeout") != std::string::npos) {
      return aws::make_error("ConnectionFailed", "Connection timed out during banner exchange");
    }
    // A reset or close before the banner is the connection failing, whichever side of the TCP
    // handshake's end it came: the same code and words as a reset seen by tcp_connect.
    const std::string where =
        "ssh: connect to host " + options_.host + " port " + std::to_string(options_.port) + ": ";
    constexpr std::string_view kSocket = "Socket error: ";
    const bool socket_error = why.starts_with(kSocket);
    if (socket_error) why = why.substr(kSocket.size());
    if (socket_error || why.find("Connection reset") != std::string::npos)
      return aws::make_error("ConnectionFailed", where + why);
    return aws::make_error("SshProtocolError", where + why);
  }
  impl_->connected = true;

  ssh_key key = nullptr;
  if (ssh_get_server_publickey(s, &key) != SSH_OK) return protocol_error(s, "server host key");
  char* b64 = nullptr;
  server_key_.type = ssh_key_type_to_char(ssh_key_type(key));
  bool exported = ssh_pki_export_pubkey_base64(key, &b64) == SSH_OK &&
                  aws::base64_decode(b64, &server_key_.blob);
  ssh_string_free_char(b64);
  ssh_key_free(key);
  if (!exported) return protocol_error(s, "server host key");

  Result<HostKeyVerdict> verdict =
      verify_host_key(options_.host_key, options_.host, options_.port, server_key_);
  if (!verdict.ok()) return verdict.error();
  if (options_.on_notice) {
    for (const std::string& line : verdict->notices) options_.on_notice(line);
  }
  impl_->password_allowed = verdict->password_auth_allowed;

  Result<std::string> method = authenticate(s, options_, impl_->password_allowed);
  if (!method.ok()) return method.error();
  auth_method_ = *method;
  return {};
}

}  // namespace opsreg::ssh
