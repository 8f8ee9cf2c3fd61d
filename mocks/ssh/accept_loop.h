// One thread that waits on the listening sockets of every fake SSH host of the process (one
// epoll set), so that an idle host costs a socket and no thread: a world of thousands of hosts
// holds one accepting thread, not one per host.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <utility>

#include "core/util/result.h"

namespace opsreg::mocks::ssh {

class AcceptLoop {
 public:
  using Clock = std::chrono::steady_clock;
  using Id = std::uint64_t;  // a registration; never reused, so a late event cannot misfire

  // What a host does with its socket, called on the loop's thread only, one call at a time.
  class Listener {
   public:
    virtual ~Listener() = default;
    // `readable`: a connection waits on the socket (accept it; the socket is non-blocking);
    // otherwise the deadline this returned last time has come. Returns the next deadline
    // (nullopt: none; it is called again when a connection comes).
    virtual std::optional<Clock::time_point> on_wake(bool readable) = 0;
  };

  // The process's loop, started for its first user and ended (thread joined, fds closed) when
  // the last user lets go of it. Errors: "ListenFailed" (epoll, eventfd).
  static Result<std::shared_ptr<AcceptLoop>> shared();
  ~AcceptLoop();
  AcceptLoop(const AcceptLoop&) = delete;
  AcceptLoop& operator=(const AcceptLoop&) = delete;

  // Calls `listener` whenever `fd` (a listening socket) is readable, until remove(). `listener`
  // must outlive the registration. Errors: "ListenFailed".
  Result<Id> add(int fd, Listener* listener);
  // Ends a registration: once it returns, its listener is not being called and never will be
  // again (from the loop's own thread, only the latter), and its fd may be closed.
  void remove(Id id);

  // The loop's thread (tests: that hosts share it).
  std::thread::id thread_id() const { return thread_.get_id(); }

 private:
  struct Entry {
    int fd;
    Listener* listener;
    std::optional<Clock::time_point> deadline;
  };
  AcceptLoop() = default;
  void run();
  int timeout_ms(Clock::time_point now) const;                                    // with mu_ held
  void set_deadline(Id id, Entry& entry, std::optional<Clock::time_point> when);  // mu_ held

  int epoll_fd_ = -1;
  int wake_fd_ = -1;  // eventfd: the destructor wakes the loop to end it
  std::thread thread_;
  mutable std::mutex mu_;
  std::condition_variable idle_;                          // a listener's call has returned
  std::map<Id, Entry> entries_;                           // guarded by mu_
  std::set<std::pair<Clock::time_point, Id>> deadlines_;  // guarded by mu_
  Id next_id_ = 1;                                        // 0 is the wake fd's
  Id running_ = 0;  // the registration whose listener is being called; guarded by mu_
  bool ending_ = false;
};

}  // namespace opsreg::mocks::ssh
