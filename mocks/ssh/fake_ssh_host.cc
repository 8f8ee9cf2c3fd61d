// FakeSshHost: builds the host (tree, key, authenticator), listens on 127.0.0.1:0 and has the
// process's shared accept loop (accept_loop.h) watch its socket; each connection accepted is
// served on its own thread. On the loop's wake-ups the host also closes the connections that do
// not log in in time or past the cap (LoginGraceTime, MaxStartups); stop() leaves the loop and
// joins the connections' threads.
#include "mocks/ssh/fake_ssh_host.h"

#include <libssh/libssh.h>
#include <libssh/server.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <list>
#include <mutex>
#include <optional>
#include <thread>

#include "mocks/ssh/accept_loop.h"
#include "mocks/ssh/host_context.h"
#include "mocks/ssh/host_key.h"
#include "mocks/ssh/process_sweep.h"
#include "mocks/ssh/session.h"

namespace opsreg::mocks::ssh {

class HostServer : public AcceptLoop::Listener {
 public:
  static Result<std::unique_ptr<HostServer>> start(HostSettings settings);
  ~HostServer() { stop(); }

  // stop() in two halves, so that many hosts stop together (FakeSshHost::stop_all): the first
  // stops accepting and disconnects every client without waiting; the second waits for the
  // threads and closes the listener. Both idempotent.
  void begin_stop();
  void finish_stop();
  void stop() {
    begin_stop();
    finish_stop();
    if (host && !swept) kill_host_processes(host->tree().root());  // background leftovers
    swept = true;
  }
  bool swept = false;  // the host's leftovers are killed (by stop(), or by stop_all()'s sweep)
  int port = 0;
  HostKey key;
  std::shared_ptr<HostContext> host;

 private:
  using Clock = AcceptLoop::Clock;
  struct Connection {
    std::shared_ptr<Session> session;
    std::thread thread;
    Clock::time_point accepted_at;
    bool closing = false;  // interrupted for its grace time or to make room (MaxStartups)
  };
  HostServer() = default;
  // On the accept loop's thread: accepts a waiting connection (`readable`), joins the threads
  // of finished ones and closes late logins; returns the next login deadline.
  std::optional<Clock::time_point> on_wake(bool readable) override;
  void accept_one();
  void join_finished();  // called with mu_ held
  // Closes the connections past their login grace time and returns when the next one's ends
  // (nullopt: none); called with mu_ held.
  std::optional<Clock::time_point> close_late_logins();
  // Closes the oldest unauthenticated connections until one more fits; called with mu_ held.
  void make_room_for_a_login();
  bool awaiting_login(const Connection& c) const {
    return !c.closing && !c.session->authenticated() && !c.session->finished();
  }

  ssh_bind bind_ = nullptr;
  int listen_fd_ = -1;
  std::shared_ptr<AcceptLoop> loop_;
  std::optional<AcceptLoop::Id> registration_;  // while the loop watches listen_fd_
  std::mutex mu_;
  std::list<Connection> connections_;  // guarded by mu_, oldest first
  bool stopped_ = false;
  bool finished_ = false;  // finish_stop() done
};

namespace {

aws::Error listen_error(const std::string& what) {
  return aws::make_error("ListenFailed", what + ": " + std::strerror(errno), 500);
}

}  // namespace

Result<std::unique_ptr<HostServer>> HostServer::start(HostSettings settings) {
  std::unique_ptr<HostServer> server(new HostServer());
  Result<HostKey> key = HostKey::load_or_generate(settings.host_key_file);
  if (!key.ok()) return key.error();
  server->key = std::move(key).value();
  // A generated key is written into the tree when the tree is made (first use).
  Result<HostTree> tree =
      HostTree::create(settings, [key = server->key.generated_private_key,
                                  pub = server->key.public_key](const std::filesystem::path& file) {
        HostKey generated;
        generated.public_key = pub;
        generated.generated_private_key = key;
        return generated.write_generated(file);
      });
  if (!tree.ok()) return tree.error();
  Result<std::shared_ptr<const Authenticator>> auth =
      Authenticator::create(settings.users, [&tree](const std::string& user) {
        return tree->home_of(user) / ".ssh" / "authorized_keys";
      });
  if (!auth.ok()) return auth.error();
  server->host = std::make_shared<HostContext>(std::move(settings), std::move(tree).value(),
                                               std::move(auth).value());

  server->bind_ = ssh_bind_new();
  if (server->bind_ == nullptr) return aws::make_error("InvalidHostKey", "libssh: no bind", 500);
  ssh_key_struct* bind_key = server->key.take_server_key();  // the bind owns it from here
  if (ssh_bind_options_set(server->bind_, SSH_BIND_OPTIONS_IMPORT_KEY, bind_key) != SSH_OK) {
    ssh_key_free(bind_key);
    return aws::make_error("InvalidHostKey", "libssh refused the host key", 500);
  }

  // Non-blocking: the shared loop must never wait in accept() for a connection already gone.
  server->listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
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
  Result<std::shared_ptr<AcceptLoop>> loop = AcceptLoop::shared();
  if (!loop.ok()) return loop.error();
  server->loop_ = std::move(*loop);
  Result<AcceptLoop::Id> id = server->loop_->add(server->listen_fd_, server.get());
  if (!id.ok()) return id.error();
  server->registration_ = *id;
  return server;
}

std::optional<HostServer::Clock::time_point> HostServer::on_wake(bool readable) {
  if (readable) accept_one();
  std::lock_guard lock(mu_);
  join_finished();
  return close_late_logins();
}

void HostServer::accept_one() {
  int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);  // blocking, as sessions expect
  if (fd < 0) return;
  if (host->stopping()) {
    close(fd);
    return;
  }
  if (host->faults().refuse_connection) {
    linger reset{1, 0};  // close with RST, before any SSH banner
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
    close(fd);
    return;
  }
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  ssh_session raw = ssh_new();
  if (raw == nullptr || ssh_bind_accept_fd(bind_, raw, fd) != SSH_OK) {
    if (raw != nullptr) ssh_free(raw);
    close(fd);
    return;
  }
  std::lock_guard lock(mu_);
  if (stopped_) {
    ssh_free(raw);  // closes fd
    return;
  }
  make_room_for_a_login();
  auto session = std::make_shared<Session>(host, raw, fd);
  connections_.push_back({session, std::thread([session] { session->run(); }), Clock::now()});
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

std::optional<HostServer::Clock::time_point> HostServer::close_late_logins() {
  const auto grace = host->settings().login_grace_time;
  if (grace <= grace.zero()) return std::nullopt;
  const Clock::time_point now = Clock::now();
  std::optional<Clock::time_point> next;
  for (Connection& c : connections_) {
    if (!awaiting_login(c)) continue;
    const Clock::time_point ends = c.accepted_at + grace;
    if (ends <= now) {
      c.closing = true;
      c.session->interrupt();
    } else if (!next || ends < *next) {
      next = ends;
    }
  }
  return next;
}

void HostServer::make_room_for_a_login() {
  const std::size_t most = std::max<std::size_t>(host->settings().max_startups, 1);
  std::size_t waiting = 0;
  for (const Connection& c : connections_) waiting += awaiting_login(c) ? 1 : 0;
  for (Connection& c : connections_) {
    if (waiting < most) break;
    if (!awaiting_login(c)) continue;
    c.closing = true;
    c.session->interrupt();
    --waiting;
  }
}

void HostServer::begin_stop() {
  {
    std::lock_guard lock(mu_);
    if (stopped_) return;
    stopped_ = true;
  }
  if (host) host->set_stopping();
  // Once the loop lets go, on_wake() is not running and never runs again: no new connection.
  if (registration_) loop_->remove(*registration_);
  registration_.reset();
  std::lock_guard lock(mu_);
  for (Connection& c : connections_) c.session->interrupt();
}

void HostServer::finish_stop() {
  std::list<Connection> connections;
  {
    std::lock_guard lock(mu_);
    if (finished_) return;
    finished_ = true;
    connections.swap(connections_);
  }
  for (Connection& c : connections) c.thread.join();
  if (listen_fd_ >= 0) close(listen_fd_);
  listen_fd_ = -1;
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
const std::filesystem::path& FakeSshHost::root() const {
  (void)server_->host->tree().make();  // a failure shows as files missing, as at a login
  return server_->host->tree().root();
}
const std::filesystem::path& FakeSshHost::root_path() const { return server_->host->tree().root(); }
const HostSettings& FakeSshHost::settings() const { return server_->host->settings(); }
void FakeSshHost::set_faults(const HostFaults& faults) { server_->host->set_faults(faults); }
void FakeSshHost::stop() { server_->stop(); }

void FakeSshHost::stop_all(const std::vector<FakeSshHost*>& hosts) {
  for (FakeSshHost* h : hosts) h->server_->begin_stop();
  std::vector<std::string> marks;
  for (FakeSshHost* h : hosts) {
    h->server_->finish_stop();
    if (h->server_->host && !h->server_->swept)
      marks.push_back(host_process_mark(h->server_->host->tree().root()));
    h->server_->swept = true;
  }
  kill_marked_processes(marks);  // one /proc scan for all their leftovers
}

}  // namespace opsreg::mocks::ssh
