// Standard-mode retry classification, backoff and quota (botocore.retries.standard).
#include "core/clients/retry.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <random>

namespace opsreg::clients {

namespace {
constexpr std::string_view kThrottlingCodes[] = {
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
};
constexpr std::string_view kTransientCodes[] = {
    "RequestTimeout",
    "RequestTimeoutException",
    "PriorRequestNotComplete",
};
constexpr int kTransientStatuses[] = {500, 502, 503, 504};

constexpr int kRetryCost = 5;
constexpr int kTimeoutRetryCost = 10;
}  // namespace

Sleeper system_sleeper() {
  // The one real wait in the client: backoff against a real service, a timed wait on a
  // condition nothing else signals (fakes and tests inject a sleeper on their own clock).
  return [](std::chrono::milliseconds d) {
    std::mutex mu;
    std::condition_variable never;
    std::unique_lock lock(mu);
    never.wait_for(lock, d, [] { return false; });
  };
}

Random system_random() {
  auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
  auto mu = std::make_shared<std::mutex>();
  return [engine, mu] {
    std::lock_guard<std::mutex> lock(*mu);
    return std::uniform_real_distribution<double>(0.0, 1.0)(*engine);
  };
}

bool is_throttling_error(const aws::Error& error) {
  return std::find(std::begin(kThrottlingCodes), std::end(kThrottlingCodes), error.code) !=
         std::end(kThrottlingCodes);
}

bool is_transient_error(const aws::Error& error) {
  if (error.http_status == 0) return true;  // no response: connection or timeout error
  if (std::find(std::begin(kTransientCodes), std::end(kTransientCodes), error.code) !=
      std::end(kTransientCodes))
    return true;
  return std::find(std::begin(kTransientStatuses), std::end(kTransientStatuses),
                   error.http_status) != std::end(kTransientStatuses);
}

std::chrono::milliseconds RetryPolicy::delay(int attempt_done, double r) const {
  double seconds = r * std::pow(base, std::max(0, attempt_done - 1));
  auto ms = std::chrono::milliseconds(static_cast<long long>(seconds * 1000.0));
  return std::min(ms, max_backoff);
}

bool RetryQuota::acquire(const aws::Error& error, int* cost) {
  int c = error.code == "ReadTimeoutError" || error.code == "ConnectTimeoutError"
              ? kTimeoutRetryCost
              : kRetryCost;
  std::lock_guard<std::mutex> lock(mu_);
  if (tokens_ < c) return false;
  tokens_ -= c;
  *cost = c;
  return true;
}

void RetryQuota::release(int cost) {
  std::lock_guard<std::mutex> lock(mu_);
  tokens_ = std::min(kInitial, tokens_ + (cost > 0 ? cost : 1));
}

int RetryQuota::available() const {
  std::lock_guard<std::mutex> lock(mu_);
  return tokens_;
}

}  // namespace opsreg::clients
