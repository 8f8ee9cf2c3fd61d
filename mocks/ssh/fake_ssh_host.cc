// FakeSshHost: builds the host (tree, key, authenticator), listens on 127.0.0.1:0, accepts
// connections on one thread and serves each on its own; stop() wakes and joins them all.
#include "mocks/ssh/fake_ssh_host.h"

#include <libssh/libssh.h>
#include <libssh/server.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <list>
#include <mutex>
#include <thread>

#include "mocks/ssh/host_context.h"
#include "mocks/ssh/host_key.h"
#include "mocks/ssh/process_sweep.h"
#include "mocks/ssh/session.h"

namespace opsreg::mocks::ssh {

class HostServer {
 public:
  static Result<std::unique_ptr<HostServer>> start(HostSettings settings);
  ~HostServer() { stop(); }

  void stop();
  int port = 0;
  HostKey key;
  std::shared_ptr<HostContext> host;

 private:
  struct Connection {
    std::shared_ptr<Session> session;
    std::thread thread;
  };
  HostServer() = default;
  void accept_loop();
  void join_finished();  // called with mu_ held

  ssh_bind bind_ = nullptr;
  int listen_fd_ = -1;
  int wake_fd_ = -1;  // eventfd: stop() wakes the accept loop
  std::thread acceptor_;
  std::mutex mu_;
  std::list<Connection> connections_;  // guarded by mu_
  bool stopped_ = false;
};

namespace {

aws::Error listen_error(const std::string& what) {
  return aws::make_error("ListenFailed", what + ": " + std::strerror(errno), 500);
}

}  // namespace

Result<std::unique_ptr<HostServer>> HostServer::start(HostSettings settings) {
  std::unique_ptr<HostServer> server(new HostServer());
  Result<HostTree> tree = HostTree::create(settings);
  if (!tree.ok()) return tree.error();
  Result<HostKey> key = HostKey::load_or_generate(settings.host_key_file, tree->host_key_file());
  if (!key.ok()) return key.error();
  server->key = std::move(key).value();
  Result<std::shared_ptr<const Authenticator>> auth =
      Authenticator::create(settings.users, [&tree](const std::string& user) {
        return tree->home_of(user) / ".ssh" / "authorized_keys";
      });
  if (!auth.ok()) return auth.error();
  server->host = std::make_shared<HostContext>(std::move(settings), std::move(tree).value(),
                                               std::move(auth).value());

  server->bind_ = ssh_bind_new();
  if (server->bind_ == nullptr ||
      ssh_bind_options_set(server->bind_, SSH_BIND_OPTIONS_HOSTKEY,
                           server->key.private_key_file.c_str()) != SSH_OK) {
    return aws::make_error("InvalidHostKey", "libssh refused the host key", 500);
  }

  server->listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (server->listen_fd_ < 0) return listen_error("socket");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (bind(server->listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      listen(server->listen_fd_, 64) != 0 ||
      getsockname(server->listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    return listen_error("bind 127.0.0.1:0");
  }
  server->port = ntohs(addr.sin_port);
  server->wake_fd_ = eventfd(0, EFD_CLOEXEC);
  if (server->wake_fd_ < 0) return listen_error("eventfd");
  server->acceptor_ = std::thread([s = server.get()] { s->accept_loop(); });
  return server;
}

void HostServer::accept_loop() {
  while (true) {
    pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents != 0 || host->stopping()) return;
    int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    if (host->faults().refuse_connection) {
      linger reset{1, 0};  // close with RST, before any SSH banner
      setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
      close(fd);
      continue;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ssh_session raw = ssh_new();
    if (raw == nullptr || ssh_bind_accept_fd(bind_, raw, fd) != SSH_OK) {
      if (raw != nullptr) ssh_free(raw);
      close(fd);
      continue;
    }
    std::lock_guard lock(mu_);
    join_finished();
    if (stopped_) {
      ssh_free(raw);
      return;
    }
    auto session = std::make_shared<Session>(host, raw, fd);
    connections_.push_back({session, std::thread([session] { session->run(); })});
  }
}

void HostServer::join_finished() {
  for (auto it = connections_.begin(); it != connections_.end();) {
    if (it->session->finished()) {
      it->thread.join();
      it = connections_.erase(it);
    } else {
      ++it;
    }
  }
}

void HostServer::stop() {
  {
    std::lock_guard lock(mu_);
    if (stopped_) return;
    stopped_ = true;
  }
  if (host) host->set_stopping();
  if (wake_fd_ >= 0) {
    uint64_t one = 1;
    (void)!write(wake_fd_, &one, sizeof one);
  }
  if (acceptor_.joinable()) acceptor_.join();
  std::list<Connection> connections;
  {
    std::lock_guard lock(mu_);
    connections.swap(connections_);
  }
  for (Connection& c : connections) c.session->interrupt();
  for (Connection& c : connections) c.thread.join();
  if (host) kill_host_processes(host->tree().root());  // background leftovers
  if (listen_fd_ >= 0) close(listen_fd_);
  if (wake_fd_ >= 0) close(wake_fd_);
  listen_fd_ = wake_fd_ = -1;
  if (bind_ != nullptr) ssh_bind_free(bind_);
  bind_ = nullptr;
}

// ---- FakeSshHost --------------------------------------------------------------------------

Result<std::unique_ptr<FakeSshHost>> FakeSshHost::start(HostSettings settings) {
  Result<std::unique_ptr<HostServer>> server = HostServer::start(std::move(settings));
  if (!server.ok()) return server.error();
  return std::unique_ptr<FakeSshHost>(new FakeSshHost(std::move(server).value()));
}

FakeSshHost::FakeSshHost(std::unique_ptr<HostServer> server) : server_(std::move(server)) {}
FakeSshHost::~FakeSshHost() { stop(); }

int FakeSshHost::port() const { return server_->port; }
const std::string& FakeSshHost::host_key_fingerprint() const { return server_->key.fingerprint; }
const std::string& FakeSshHost::host_public_key() const { return server_->key.public_key; }
const std::filesystem::path& FakeSshHost::root() const { return server_->host->tree().root(); }
const HostSettings& FakeSshHost::settings() const { return server_->host->settings(); }
void FakeSshHost::set_faults(const HostFaults& faults) { server_->host->set_faults(faults); }
void FakeSshHost::stop() { server_->stop(); }

}  // namespace opsreg::mocks::ssh
