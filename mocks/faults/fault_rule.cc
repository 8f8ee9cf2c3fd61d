// Fault rules from and to JSON, and AWS's wording of the usual transient errors.
#include "mocks/faults/fault_rule.h"

#include <array>

#include "core/clock/time_format.h"
#include "core/config/endpoints.h"

namespace opsreg::mocks::faults {

namespace {

aws::Error invalid(const std::string& what) {
  return aws::make_error("ValidationError", "fault rule: " + what);
}

struct KnownError {
  std::string_view code;
  int status;
  std::string_view message;
};

// As the services word them (AWS common errors; EC2's and S3's error code lists).
constexpr std::array<KnownError, 9> kKnown = {{
    {"Throttling", 400, "Rate exceeded"},
    {"ThrottlingException", 400, "Rate exceeded"},
    {"TooManyRequestsException", 400, "Rate exceeded"},
    {"RequestLimitExceeded", 503, "Request limit exceeded."},
    {"InternalFailure", 500,
     "The request processing has failed because of an unknown error, exception or failure."},
    {"InternalError", 500, "We encountered an internal error. Please try again."},
    {"ServiceUnavailable", 503, "The request has failed due to a temporary failure of the server."},
    {"SlowDown", 503, "Please reduce your request rate."},
    {"ServiceUnavailableException", 503, "Service is unavailable. Please try again later."},
}};

// parse_duration's finest unit is the millisecond.
std::string format_millis(std::chrono::microseconds d) {
  return std::to_string(d.count() / 1000) + "ms";
}

Status parse_error_member(const nlohmann::json& e, aws::Error& error) {
  if (e.is_string()) {
    if (e.get<std::string>().empty()) return invalid("\"error\" must name an error code");
    error = default_error(e.get<std::string>());
    return {};
  }
  if (!e.is_object() || !e.contains("code") || !e["code"].is_string() ||
      e["code"].get<std::string>().empty())
    return invalid("\"error\" must be a code or {\"code\", \"http_status\", \"message\"}");
  error = default_error(e["code"].get<std::string>());
  if (e.contains("http_status")) {
    if (!e["http_status"].is_number_integer() || e["http_status"].get<int>() < 400 ||
        e["http_status"].get<int>() > 599)
      return invalid("\"http_status\" must be a number from 400 to 599");
    error.http_status = e["http_status"].get<int>();
    error.sender_fault = error.http_status < 500;
  }
  if (e.contains("message")) {
    if (!e["message"].is_string()) return invalid("\"message\" must be a string");
    error.message = e["message"].get<std::string>();
  }
  return {};
}

}  // namespace

bool is_whole_number(const nlohmann::json& v) {
  return v.is_number_unsigned() || (v.is_number_integer() && v.get<std::int64_t>() >= 0);
}

aws::Error default_error(const std::string& code) {
  for (const KnownError& k : kKnown)
    if (k.code == code) return aws::make_error(code, std::string(k.message), k.status);
  return aws::make_error(code, "opsreg injected fault: " + code, 400);
}

Result<FaultRule> parse_fault_rule(const nlohmann::json& j) {
  if (!j.is_object()) return invalid("each rule must be an object");
  static constexpr std::string_view kKeys[] = {"service", "operation",       "error",
                                               "latency", "count",           "probability",
                                               "after",   "drop_connection", "status"};
  for (const auto& [key, value] : j.items()) {
    bool known = false;
    for (std::string_view k : kKeys) known = known || key == k;
    if (!known) return invalid("unknown member \"" + key + "\"");
  }
  FaultRule rule;
  if (!j.contains("service") || !j["service"].is_string())
    return invalid("\"service\" must be one of iam, sts, s3, opsworks, ec2");
  rule.service = j["service"].get<std::string>();
  config::Service known;
  if (!config::service_from_id(rule.service, &known))
    return invalid("\"service\" must be one of iam, sts, s3, opsworks, ec2, not \"" + rule.service +
                   "\"");
  if (j.contains("operation")) {
    if (!j["operation"].is_string() || j["operation"].get<std::string>().empty())
      return invalid("\"operation\" must be an operation name such as CreateUser, or \"*\"");
    rule.operation = j["operation"].get<std::string>();
  }
  int actions = int(j.contains("error")) + int(j.contains("latency")) +
                int(j.contains("drop_connection")) + int(j.contains("status"));
  if (actions != 1)
    return invalid("give exactly one of \"error\", \"latency\", \"drop_connection\", \"status\"");
  if (j.contains("error")) {
    if (Status s = parse_error_member(j["error"], rule.error); !s.ok()) return s.error();
    rule.action = FaultAction::kAwsError;
  } else if (j.contains("latency")) {
    auto latency =
        j["latency"].is_string() ? parse_duration(j["latency"].get<std::string>()) : std::nullopt;
    if (!latency || *latency > kMaxFaultDelay)
      return invalid("\"latency\" must be a duration up to 1h such as \"2s\" or \"1500ms\"");
    rule.action = FaultAction::kLatency;
    rule.latency = *latency;
  } else if (j.contains("status")) {
    if (!j["status"].is_number_integer() || j["status"].get<int>() < 400 ||
        j["status"].get<int>() > 599)
      return invalid("\"status\" must be an HTTP status from 400 to 599");
    rule.action = FaultAction::kBareStatus;
    rule.status = j["status"].get<int>();
  } else {
    if (j["drop_connection"] != true) return invalid("\"drop_connection\" must be true");
    rule.action = FaultAction::kDropConnection;
  }
  if (j.contains("count")) {
    if (!is_whole_number(j["count"])) return invalid("\"count\" must be a whole number");
    rule.count = j["count"].get<std::uint64_t>();
  }
  if (j.contains("probability")) {
    if (!j["probability"].is_number() || j["probability"].get<double>() < 0 ||
        j["probability"].get<double>() > 1)
      return invalid("\"probability\" must be a number from 0 to 1");
    rule.probability = j["probability"].get<double>();
  }
  if (j.contains("after")) {
    if (!is_whole_number(j["after"])) return invalid("\"after\" must be a whole number");
    rule.after = j["after"].get<std::uint64_t>();
  }
  return rule;
}

nlohmann::json to_json(const FaultRule& rule) {
  nlohmann::json j = {{"service", rule.service}, {"operation", rule.operation}};
  switch (rule.action) {
    case FaultAction::kAwsError:
      j["error"] = {{"code", rule.error.code},
                    {"http_status", rule.error.http_status},
                    {"message", rule.error.message}};
      break;
    case FaultAction::kLatency:
      j["latency"] = format_millis(rule.latency);
      break;
    case FaultAction::kDropConnection:
      j["drop_connection"] = true;
      break;
    case FaultAction::kBareStatus:
      j["status"] = rule.status;
      break;
  }
  if (rule.count) j["count"] = *rule.count;
  if (rule.probability) j["probability"] = *rule.probability;
  if (rule.after > 0) j["after"] = rule.after;
  return j;
}

}  // namespace opsreg::mocks::faults
