// One fault rule for the fake AWS services: which requests it matches (service, operation),
// what it does to them (an AWS error, latency on the world clock, a dropped connection) and how
// often (count, probability, after). Parsed from and written back to the world file's JSON.
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/util/error.h"
#include "core/util/result.h"

namespace opsreg::mocks::faults {

// The longest latency or SSH slowness a fault may add (each hit moves the world clock by it).
inline constexpr std::chrono::microseconds kMaxFaultDelay = std::chrono::hours(1);

enum class FaultAction {
  kAwsError,        // answer with `error`, rendered in the service's own protocol
  kLatency,         // answer normally, as if it took `latency`: the world clock moves by it
  kDropConnection,  // no answer: the HTTP server closes the connection
  kBareStatus,      // `status` with an empty body, as a proxy or load balancer in front answers
};

struct FaultRule {
  std::string service;          // "iam", "sts", "s3", "opsworks" or "ec2"
  std::string operation = "*";  // e.g. "CreateUser", "GetObject"; "*" matches any
  FaultAction action = FaultAction::kAwsError;
  aws::Error error;                      // kAwsError
  std::chrono::microseconds latency{0};  // kLatency
  int status = 0;                        // kBareStatus: 400..599
  std::optional<std::uint64_t> count;    // fire at most this many times; unset: no limit
  std::optional<double> probability;     // fire each time with this chance (0..1)
  std::uint64_t after = 0;               // let the first `after` matching requests through
};

// AWS's usual wording and HTTP status for the common transient errors: Throttling and
// ThrottlingException ("Rate exceeded", 400), RequestLimitExceeded (EC2, 503), InternalFailure
// and InternalError (500), ServiceUnavailable (503), SlowDown (S3, 503). Other codes: a generic
// message and 400.
aws::Error default_error(const std::string& code);

// Parses one rule: {"service", "operation", one of "error" (a code, or {"code", "http_status",
// "message"}), "latency" (a duration such as "2s"), "drop_connection": true, "status" (an HTTP
// status from 400 to 599 sent with no body), and optionally "count", "probability", "after"}.
// Errors: ValidationError naming the field.
Result<FaultRule> parse_fault_rule(const nlohmann::json& rule);

// A JSON integer from 0 up (nlohmann keeps non-negative literals as signed integers).
bool is_whole_number(const nlohmann::json& value);

// The rule as parse_fault_rule reads it.
nlohmann::json to_json(const FaultRule& rule);

}  // namespace opsreg::mocks::faults
