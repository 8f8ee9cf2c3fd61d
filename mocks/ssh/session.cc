// A connection's life: libssh server callbacks for authentication and channel opening,
// the poll loop (ssh_event_dopoll, no timeouts), and teardown that leaves no child behind.
#include "mocks/ssh/session.h"

#include <arpa/inet.h>
#include <libssh/server.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>

namespace opsreg::mocks::ssh {
namespace {

constexpr int kMaxAuthTries = 6;  // sshd's MaxAuthTries default

Session* self_of(void* p) { return static_cast<Session*>(p); }

std::pair<std::string, int> endpoint(int fd, bool peer) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  int rc = peer ? getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
                : getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  if (rc != 0 || addr.ss_family != AF_INET) return {"127.0.0.1", 0};
  const auto* in = reinterpret_cast<const sockaddr_in*>(&addr);
  char text[INET_ADDRSTRLEN] = {};
  inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
  return {text, ntohs(in->sin_port)};
}

}  // namespace

Session::Session(std::shared_ptr<HostContext> host, ssh_session session, int fd)
    : host_(std::move(host)), session_(session), fd_(fd) {
  auto [client_ip, client_port] = endpoint(fd, true);
  auto [server_ip, server_port] = endpoint(fd, false);
  ssh_connection_ = client_ip + " " + std::to_string(client_port) + " " + server_ip + " " +
                    std::to_string(server_port);
  ssh_client_ = client_ip + " " + std::to_string(client_port) + " " + std::to_string(server_port);
}

Session::~Session() {
  if (session_ != nullptr) teardown();
}

void Session::interrupt() {
  std::lock_guard lock(fd_mu_);
  if (!fd_closed_) shutdown(fd_, SHUT_RDWR);
}

void Session::run() {
  sigset_t pipe_only;  // a vanished reader must give EPIPE here, not kill the process
  sigemptyset(&pipe_only);
  sigaddset(&pipe_only, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_only, nullptr);

  callbacks_.userdata = this;
  callbacks_.auth_none_function = auth_none;
  callbacks_.auth_password_function = auth_password;
  callbacks_.auth_pubkey_function = auth_pubkey;
  callbacks_.channel_open_request_session_function = open_session_channel;
  ssh_callbacks_init(&callbacks_);
  ssh_set_server_callbacks(session_, &callbacks_);
  ssh_set_auth_methods(session_, SSH_AUTH_METHOD_PUBLICKEY | SSH_AUTH_METHOD_PASSWORD);
  // A temporary tree is made at the host's first login attempt (its authorized_keys are read).
  if (!host_->stopping() && host_->tree().make().ok() &&
      ssh_handle_key_exchange(session_) == SSH_OK) {
    event_ = ssh_event_new();
    if (event_ != nullptr && ssh_event_add_session(event_, session_) == SSH_OK) serve();
  }
  teardown();
  finished_.store(true);
}

bool Session::connected() const {
  int status = ssh_get_status(session_);
  return (status & (SSH_CLOSED | SSH_CLOSED_ERROR)) == 0;
}

void Session::serve() {
  while (!host_->stopping()) {
    if (ssh_event_dopoll(event_, -1) == SSH_ERROR) break;
    for (auto& channel : channels_) channel->after_poll(event_);
    if (drop_requested_) break;  // fault: the socket goes down in teardown, no goodbye
    if (auth_failures_ >= kMaxAuthTries) {
      ssh_disconnect(session_);  // "Too many authentication failures", as sshd
      break;
    }
    std::erase_if(channels_, [this](const std::unique_ptr<SessionChannel>& channel) {
      if (!channel->done()) return false;
      channel->detach(event_);
      return true;
    });
    if (!connected()) break;
  }
}

void Session::teardown() {
  if (event_ != nullptr) {
    for (auto& channel : channels_) channel->detach(event_);
  }
  if (drop_requested_) {
    std::lock_guard lock(fd_mu_);
    shutdown(fd_, SHUT_RDWR);
  }
  channels_.clear();  // kills and reaps children still running
  if (event_ != nullptr) {
    ssh_event_remove_session(event_, session_);
    ssh_event_free(event_);
    event_ = nullptr;
  }
  {
    std::lock_guard lock(fd_mu_);
    fd_closed_ = true;
    if (!drop_requested_ && connected()) ssh_disconnect(session_);
    ssh_free(session_);  // closes fd_
    session_ = nullptr;
  }
}

// ---- authentication ---------------------------------------------------------------------

void Session::granted(const char* user) {
  user_ = user;
  authenticated_.store(true);
}

int Session::denied() {
  ++auth_failures_;
  return SSH_AUTH_DENIED;
}

int Session::auth_none(ssh_session, const char*, void*) { return SSH_AUTH_DENIED; }

int Session::auth_password(ssh_session, const char* user, const char* password, void* p) {
  Session* self = self_of(p);
  if (self->authenticated_ || user == nullptr || password == nullptr ||
      self->host_->faults().refuse_all_auth ||
      !self->host_->auth().accepts_password(user, password)) {
    return self->denied();
  }
  self->granted(user);
  return SSH_AUTH_SUCCESS;
}

int Session::auth_pubkey(ssh_session, const char* user, ssh_key_struct* key, char signature_state,
                         void* p) {
  Session* self = self_of(p);
  bool known = !self->authenticated_ && user != nullptr && !self->host_->faults().refuse_all_auth &&
               self->host_->auth().accepts_key(user, key);
  switch (signature_state) {
    case SSH_PUBLICKEY_STATE_NONE:  // "would this key do?" (answered with PK_OK)
      return known ? SSH_AUTH_SUCCESS : self->denied();
    case SSH_PUBLICKEY_STATE_VALID:  // libssh verified the signature over the session id
      if (!known) return self->denied();
      self->granted(user);
      return SSH_AUTH_SUCCESS;
    default:  // wrong or unverifiable signature
      return self->denied();
  }
}

ssh_channel Session::open_session_channel(ssh_session session, void* p) {
  Session* self = self_of(p);
  if (!self->authenticated_) return nullptr;
  ssh_channel channel = ssh_channel_new(session);
  if (channel == nullptr) return nullptr;
  ChannelOwner owner;
  owner.host = self->host_.get();
  owner.user = self->user_;
  owner.ssh_connection = self->ssh_connection_;
  owner.ssh_client = self->ssh_client_;
  owner.drop_connection = [self] { self->drop_requested_ = true; };
  self->channels_.push_back(std::make_unique<SessionChannel>(channel, std::move(owner)));
  return channel;
}

}  // namespace opsreg::mocks::ssh
