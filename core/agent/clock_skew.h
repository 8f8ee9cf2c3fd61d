// The agent's clock-skew correction, as the AWS SDK for Ruby the real agent uses does it: a
// request refused for its date is retried once with the clock set to the server's time.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>

#include "core/clock/clock.h"
#include "core/util/error.h"

namespace opsreg::agent {

// A clock that reads `base` shifted by an offset learnt from the service. Thread-safe.
class SkewCorrectedClock final : public Clock {
 public:
  explicit SkewCorrectedClock(std::shared_ptr<const Clock> base) : base_(std::move(base)) {}
  TimePoint now() const override {
    return base_->now() + std::chrono::microseconds(offset_.load());
  }
  void correct_to(TimePoint server_now) {
    offset_.store(
        std::chrono::duration_cast<std::chrono::microseconds>(server_now - base_->now()).count());
  }

 private:
  std::shared_ptr<const Clock> base_;
  std::atomic<int64_t> offset_{0};
};

// The server's time in a clock-skew error ("Signature expired: ... (20260101T001600Z - 15
// min.)" or "Signature not yet current: ..."); nullopt for any other error.
std::optional<TimePoint> server_time_of(const aws::Error& e);

}  // namespace opsreg::agent
