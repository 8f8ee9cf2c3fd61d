// The clock every time-dependent rule reads: the system clock in `serve`, a virtual one in
// tests and scenarios, advanced explicitly (16 minutes in microseconds, never by sleeping).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>

namespace opsreg {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// Starts at a given instant and moves only when advanced, or, while it follows real time
// (follow_real_time(true)), also at the pace of the machine's monotonic clock from where it was
// (a scenario's exec step: a real process's time passes). Thread-safe.
class VirtualClock final : public Clock {
 public:
  explicit VirtualClock(TimePoint start) : micros_(to_micros(start)) {}
  TimePoint now() const override {
    std::lock_guard lock(mu_);
    return TimePoint(std::chrono::microseconds(micros_ + running_locked()));
  }
  void advance(std::chrono::microseconds by) {
    std::lock_guard lock(mu_);
    micros_ += by.count();
  }
  void set(TimePoint t) {
    std::lock_guard lock(mu_);
    micros_ = to_micros(t);
    if (following_) anchor_ = std::chrono::steady_clock::now();
  }
  // On: from now on the clock also moves as real time passes. Off: it stops where it is.
  void follow_real_time(bool on) {
    std::lock_guard lock(mu_);
    if (on == following_) return;
    micros_ += running_locked();
    following_ = on;
    anchor_ = std::chrono::steady_clock::now();
  }

 private:
  static int64_t to_micros(TimePoint t) {
    return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
  }
  // Real time passed since following began (0 when not following).
  int64_t running_locked() const {
    if (!following_) return 0;
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                                 anchor_)
        .count();
  }
  mutable std::mutex mu_;
  int64_t micros_;  // guarded by mu_
  bool following_ = false;
  std::chrono::steady_clock::time_point anchor_;
};

}  // namespace opsreg

namespace opsreg {

// The system clock shifted by an adjustable offset: `serve`'s clock, which the admin API can
// move forward without touching the machine's time. Thread-safe.
class OffsetClock final : public Clock {
 public:
  TimePoint now() const override {
    return std::chrono::system_clock::now() +
           std::chrono::microseconds(offset_.load(std::memory_order_acquire));
  }
  void advance(std::chrono::microseconds by) { offset_.fetch_add(by.count()); }

 private:
  std::atomic<int64_t> offset_{0};
};

}  // namespace opsreg
