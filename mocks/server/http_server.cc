// The accept loop, the shared epoll set and the deadline sweep.
#include "mocks/server/http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace opsreg::mocks {

namespace {

constexpr uint64_t kListenId = 0;
constexpr uint64_t kWakeId = 1;
// How often the first thread looks for connections past their deadline.
constexpr int kSweepMillis = 250;

std::string address_of(const sockaddr_in& peer) {
  char text[INET_ADDRSTRLEN] = {};
  inet_ntop(AF_INET, &peer.sin_addr, text, sizeof text);
  return text;
}

}  // namespace

HttpServer::HttpServer(Handler handler) : HttpServer(std::move(handler), Options{}) {}

HttpServer::HttpServer(Handler handler, Options options) : options_(std::move(options)) {
  policy_.handler = std::move(handler);
  policy_.body_limit = options_.body_limit;
  policy_.too_large = options_.too_large;
  policy_.limits = options_.limits;
  policy_.header_timeout = options_.header_timeout;
  policy_.idle_timeout = options_.idle_timeout;
  policy_.progress_timeout = options_.progress_timeout;
}

HttpServer::~HttpServer() { stop(); }

int HttpServer::start(int port) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (listen_fd_ < 0) return -1;
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listen_fd_, SOMAXCONN) != 0 ||
      ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(listen_fd_);
    listen_fd_ = -1;
    return -1;
  }
  port_ = ntohs(addr.sin_port);
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  epoll_event wake{};
  wake.events = EPOLLIN;  // level-triggered: a stop wakes every thread
  wake.data.u64 = kWakeId;
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &wake);
  watch(kListenId, listen_fd_, EPOLLIN, true);
  for (size_t i = 0; i < std::max<size_t>(1, options_.threads); ++i)
    threads_.emplace_back([this, i] { serve_events(i == 0); });
  return port_;
}

void HttpServer::stop() {
  if (threads_.empty()) return;
  stopping_ = true;
  uint64_t one = 1;
  [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof one);
  for (auto& t : threads_) t.join();
  threads_.clear();
  connections_.clear();  // each closes its socket
  for (int* fd : {&listen_fd_, &epoll_fd_, &wake_fd_}) {
    if (*fd >= 0) ::close(*fd);
    *fd = -1;
  }
}

size_t HttpServer::connections() const {
  std::lock_guard lock(mu_);
  return connections_.size();
}

// Every descriptor but the wake-up one is armed for one event at a time (EPOLLONESHOT): the
// thread that takes an event owns that connection until it arms it again.
void HttpServer::watch(uint64_t id, int fd, uint32_t events, bool add) {
  epoll_event ev{};
  ev.events = events | EPOLLONESHOT | EPOLLRDHUP;
  ev.data.u64 = id;
  ::epoll_ctl(epoll_fd_, add ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &ev);
}

void HttpServer::serve_events(bool sweeper) {
  auto next_sweep = std::chrono::steady_clock::now();
  while (!stopping_) {
    epoll_event ev{};
    int n = ::epoll_wait(epoll_fd_, &ev, 1, sweeper ? kSweepMillis : -1);
    if (stopping_) break;
    if (n == 1 && ev.data.u64 == kListenId) accept_all();
    if (n == 1 && ev.data.u64 > kWakeId) serve(ev.data.u64);
    if (sweeper && std::chrono::steady_clock::now() >= next_sweep) {
      sweep();
      next_sweep = std::chrono::steady_clock::now() + std::chrono::milliseconds(kSweepMillis);
    }
  }
}

void HttpServer::accept_all() {
  while (true) {
    sockaddr_in peer{};
    socklen_t len = sizeof peer;
    int fd = ::accept4(listen_fd_, reinterpret_cast<sockaddr*>(&peer), &len,
                       SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      // Out of descriptors: accept again after the next sweep has closed some.
      if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
        accept_paused_ = true;
        return;
      }
      break;  // EAGAIN: all taken
    }
    std::lock_guard lock(mu_);
    if (connections_.size() >= options_.max_connections) {
      ::close(fd);
      continue;
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    uint64_t id = next_id_++;
    connections_.emplace(id, std::make_shared<Connection>(fd, address_of(peer), policy_,
                                                          std::chrono::steady_clock::now()));
    watch(id, fd, EPOLLIN, true);
  }
  watch(kListenId, listen_fd_, EPOLLIN, false);
}

void HttpServer::serve(uint64_t id) {
  std::shared_ptr<Connection> c;
  {
    std::lock_guard lock(mu_);
    auto it = connections_.find(id);
    if (it == connections_.end()) return;
    c = it->second;
  }
  std::lock_guard lock(c->mu);
  if (c->closed) return;
  Connection::Want want = c->run(std::chrono::steady_clock::now());
  if (want == Connection::Want::kClose) return close_connection(id, *c);
  watch(id, c->fd(), want == Connection::Want::kWrite ? EPOLLOUT : EPOLLIN, false);
}

// Called with c.mu held.
void HttpServer::close_connection(uint64_t id, Connection& c) {
  c.closed = true;
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, c.fd(), nullptr);
  std::shared_ptr<Connection> last;
  std::lock_guard lock(mu_);
  auto it = connections_.find(id);
  if (it != connections_.end()) {
    last = std::move(it->second);  // destroyed (socket closed) after the lock is released
    connections_.erase(it);
  }
}

// Ends the connections past their deadline. A connection some thread is running is skipped: it
// is making progress, and its thread sets a new deadline.
void HttpServer::sweep() {
  auto now = std::chrono::steady_clock::now();
  std::vector<std::shared_ptr<Connection>> expired;
  {
    std::lock_guard lock(mu_);
    for (auto it = connections_.begin(); it != connections_.end();) {
      Connection& c = *it->second;
      std::unique_lock busy(c.mu, std::try_to_lock);
      if (!busy.owns_lock() || !c.expired(now)) {
        ++it;
        continue;
      }
      c.time_out();
      c.closed = true;
      ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, c.fd(), nullptr);
      busy.unlock();
      expired.push_back(std::move(it->second));
      it = connections_.erase(it);
    }
  }
  if (accept_paused_.exchange(false)) watch(kListenId, listen_fd_, EPOLLIN, false);
}

}  // namespace opsreg::mocks
