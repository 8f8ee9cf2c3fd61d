// A clock set off another by a fixed amount: a caller whose clock is wrong (a scenario's or a
// conformance case's "clock_skew").
#pragma once

#include <chrono>
#include <memory>

#include "core/clock/clock.h"

namespace opsreg {

class SkewedClock final : public Clock {
 public:
  SkewedClock(std::shared_ptr<const Clock> base, std::chrono::microseconds skew)
      : base_(std::move(base)), skew_(skew) {}
  TimePoint now() const override { return base_->now() + skew_; }

 private:
  std::shared_ptr<const Clock> base_;
  std::chrono::microseconds skew_;
};

}  // namespace opsreg
