// The clock every time-dependent rule reads: the system clock in `serve`, a virtual one in
// tests and scenarios, advanced explicitly (16 minutes in microseconds, never by sleeping).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>

namespace opsreg {

using TimePoint = std::chrono::system_clock::time_point;

// The latest instant a clock reaches, 2200-01-01T00:00:00Z, in microseconds since the epoch: a
// TimePoint counts nanoseconds in 64 bits and would wrap in 2262, so advancing stops here.
inline constexpr int64_t kLatestClockMicros = int64_t{7258118400} * 1000000;

// `micros` + `by`, held within [0, kLatestClockMicros] (never wrapping).
inline int64_t clock_micros_plus(int64_t micros, int64_t by) {
  int64_t sum = 0;
  if (__builtin_add_overflow(micros, by, &sum)) sum = by > 0 ? kLatestClockMicros : 0;
  return sum < 0 ? 0 : sum > kLatestClockMicros ? kLatestClockMicros : sum;
}

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
    return TimePoint(std::chrono::microseconds(clock_micros_plus(micros_, running_locked())));
  }
  // Stops at kLatestClockMicros.
  void advance(std::chrono::microseconds by) {
    std::lock_guard lock(mu_);
    micros_ = clock_micros_plus(micros_, by.count());
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
    micros_ = clock_micros_plus(micros_, running_locked());
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
    return TimePoint(std::chrono::microseconds(
        clock_micros_plus(system_micros(), offset_.load(std::memory_order_acquire))));
  }
  // The offset grows no further than now() reaching kLatestClockMicros.
  void advance(std::chrono::microseconds by) {
    int64_t offset = offset_.load(std::memory_order_acquire);
    int64_t next = 0;
    do {
      int64_t system = system_micros();
      int64_t shift = 0;  // offset + by, which stays within ±kLatestClockMicros once held
      if (__builtin_add_overflow(offset, by.count(), &shift))
        shift = by.count() > 0 ? kLatestClockMicros : -kLatestClockMicros;
      next = clock_micros_plus(system, shift) - system;
    } while (!offset_.compare_exchange_weak(offset, next, std::memory_order_acq_rel));
  }

 private:
  static int64_t system_micros() {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  std::atomic<int64_t> offset_{0};
};

}  // namespace opsreg
