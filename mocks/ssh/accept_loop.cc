// The shared accept loop: epoll over every registered listening socket and one eventfd, with
// each listener's next deadline (a login grace time) as the wait's timeout. Registrations are
// looked up by id under the lock before each call, and remove() waits out a call in progress,
// so a host that stops while a connection arrives is never called once gone.
#include "mocks/ssh/accept_loop.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace opsreg::mocks::ssh {

namespace {

aws::Error loop_error(const std::string& what) {
  return aws::make_error("ListenFailed", "ssh accept loop: " + what + ": " + std::strerror(errno),
                         500);
}

}  // namespace

Result<std::shared_ptr<AcceptLoop>> AcceptLoop::shared() {
  static std::mutex mu;
  static std::weak_ptr<AcceptLoop> current;
  std::lock_guard lock(mu);
  if (std::shared_ptr<AcceptLoop> running = current.lock()) return running;
  std::shared_ptr<AcceptLoop> loop(new AcceptLoop());
  loop->epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
  if (loop->epoll_fd_ < 0) return loop_error("epoll_create1");
  loop->wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (loop->wake_fd_ < 0) return loop_error("eventfd");
  epoll_event wake{};
  wake.events = EPOLLIN;
  wake.data.u64 = 0;
  if (epoll_ctl(loop->epoll_fd_, EPOLL_CTL_ADD, loop->wake_fd_, &wake) != 0)
    return loop_error("epoll_ctl");
  loop->thread_ = std::thread([l = loop.get()] { l->run(); });
  current = loop;
  return loop;
}

AcceptLoop::~AcceptLoop() {
  {
    std::lock_guard lock(mu_);
    ending_ = true;
  }
  if (wake_fd_ >= 0) {
    std::uint64_t one = 1;
    (void)!write(wake_fd_, &one, sizeof one);
  }
  if (thread_.joinable()) thread_.join();
  if (wake_fd_ >= 0) close(wake_fd_);
  if (epoll_fd_ >= 0) close(epoll_fd_);
}

Result<AcceptLoop::Id> AcceptLoop::add(int fd, Listener* listener) {
  std::lock_guard lock(mu_);
  const Id id = next_id_++;
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = id;
  if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) != 0) return loop_error("epoll_ctl");
  entries_.emplace(id, Entry{fd, listener, std::nullopt});
  return id;
}

void AcceptLoop::remove(Id id) {
  std::unique_lock lock(mu_);
  auto it = entries_.find(id);
  if (it != entries_.end()) {
    epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, it->second.fd, nullptr);
    set_deadline(id, it->second, std::nullopt);
    entries_.erase(it);
  }
  if (std::this_thread::get_id() == thread_.get_id()) return;  // from its own call
  idle_.wait(lock, [&] { return running_ != id; });
}

void AcceptLoop::set_deadline(Id id, Entry& entry, std::optional<Clock::time_point> when) {
  if (entry.deadline) deadlines_.erase({*entry.deadline, id});
  entry.deadline = when;
  if (when) deadlines_.insert({*when, id});
}

int AcceptLoop::timeout_ms(Clock::time_point now) const {
  if (deadlines_.empty()) return -1;
  const Clock::duration left = deadlines_.begin()->first - now;
  if (left <= Clock::duration::zero()) return 0;
  // Rounded up, so that the wake-up finds the deadline passed.
  return static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(left).count());
}

void AcceptLoop::run() {
  std::vector<epoll_event> events(256);
  std::vector<std::pair<Id, bool>> due;  // registration, readable
  while (true) {
    int timeout = 0;
    {
      std::lock_guard lock(mu_);
      if (ending_) return;
      timeout = timeout_ms(Clock::now());
    }
    const int ready =
        epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()), timeout);
    if (ready < 0 && errno != EINTR) return;
    due.clear();
    for (int i = 0; i < ready; ++i) {
      const Id id = events[i].data.u64;  // a copy: epoll_event is packed
      if (id == 0) {
        std::uint64_t count = 0;
        (void)!read(wake_fd_, &count, sizeof count);
      } else {
        due.push_back({id, true});
      }
    }
    {
      std::lock_guard lock(mu_);
      if (ending_) return;
      const Clock::time_point now = Clock::now();
      for (auto it = deadlines_.begin(); it != deadlines_.end() && it->first <= now; ++it)
        due.push_back({it->second, false});
    }
    for (const auto& [id, readable] : due) {
      Listener* listener = nullptr;
      {
        std::lock_guard lock(mu_);
        auto it = entries_.find(id);
        if (it == entries_.end()) continue;  // removed meanwhile
        listener = it->second.listener;
        running_ = id;
      }
      std::optional<Clock::time_point> next = listener->on_wake(readable);
      {
        std::lock_guard lock(mu_);
        running_ = 0;
        if (auto it = entries_.find(id); it != entries_.end()) set_deadline(id, it->second, next);
      }
      idle_.notify_all();
    }
  }
}

}  // namespace opsreg::mocks::ssh
