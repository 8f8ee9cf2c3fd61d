// The clock every time-dependent rule reads: the system clock in `serve`, a virtual one in
// tests and scenarios, advanced explicitly (16 minutes in microseconds, never by sleeping).
#pragma once

#include <atomic>
#include <chrono>

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

// Starts at a given instant and moves only when advanced. Thread-safe.
class VirtualClock final : public Clock {
 public:
  explicit VirtualClock(TimePoint start) : micros_(to_micros(start)) {}
  TimePoint now() const override {
    return TimePoint(std::chrono::microseconds(micros_.load(std::memory_order_acquire)));
  }
  void advance(std::chrono::microseconds by) { micros_.fetch_add(by.count()); }
  void set(TimePoint t) { micros_.store(to_micros(t)); }

 private:
  static int64_t to_micros(TimePoint t) {
    return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
  }
  std::atomic<int64_t> micros_;
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
