// The AWS SDK "standard" retry mode: which failures are retried (throttling, transient
// errors, connection errors), at most 3 attempts, exponential backoff with full jitter
// (rand × 2^(attempt-1) s, capped at 20 s), and the per-client retry quota.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>

#include "core/util/error.h"

namespace opsreg::clients {

// Waits for a backoff delay. Production waits in real time; tests record the delays, and
// a virtual world advances its clock instead.
using Sleeper = std::function<void(std::chrono::milliseconds)>;
// A uniform random number in [0, 1): the jitter.
using Random = std::function<double()>;

Sleeper system_sleeper();
Random system_random();

bool is_throttling_error(const aws::Error& error);
// Transient codes, HTTP 500/502/503/504, and transport errors (http_status 0).
bool is_transient_error(const aws::Error& error);
inline bool is_retryable(const aws::Error& error) {
  return is_throttling_error(error) || is_transient_error(error);
}

struct RetryPolicy {
  int max_attempts = 3;
  double base = 2.0;
  std::chrono::milliseconds max_backoff{20000};

  // The delay before attempt `attempt_done + 1`, after `attempt_done` (1-based) failed,
  // for a jitter draw `r` in [0, 1): min(r × base^(attempt_done-1) s, max_backoff).
  std::chrono::milliseconds delay(int attempt_done, double r) const;
};

// The standard mode's token bucket: 500 tokens; a retry costs 5 (10 after a timeout or
// connection error); a success without retry returns 1, one after retries returns the cost.
// When the bucket cannot pay, the error is returned without retrying. Thread-safe.
class RetryQuota {
 public:
  static constexpr int kInitial = 500;
  // Takes the cost of a retry after `error`; false when the quota is exhausted.
  bool acquire(const aws::Error& error, int* cost);
  // A successful call: refunds `cost` when it followed retries, else 1 (up to kInitial).
  void release(int cost);
  int available() const;

 private:
  mutable std::mutex mu_;
  int tokens_ = kInitial;
};

}  // namespace opsreg::clients
