// The shared wire half of every JSON 1.1 fake (OpsWorks; any later awsJson service): POST only,
// dispatch on `X-Amz-Target: <prefix>.<Operation>`, a JSON object body in and out.
#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mocks/services/operations.h"
#include "mocks/services/service.h"

namespace opsreg::mocks {

// Takes the request body (always a JSON object) and returns the response object
// (nlohmann::json::object() for operations without output).
using JsonHandler = std::function<Result<nlohmann::json>(const nlohmann::json&, CallContext&)>;
using JsonOperations = Operations<JsonHandler>;

class JsonService final : public Service {
 public:
  // `target_prefix` is the model's targetPrefix, e.g. "OpsWorks_20130218".
  JsonService(std::string signing_name, std::string target_prefix, JsonOperations operations)
      : signing_name_(std::move(signing_name)),
        target_prefix_(std::move(target_prefix)),
        operations_(std::move(operations)) {}

  std::string_view signing_name() const override { return signing_name_; }
  aws::Protocol protocol() const override { return aws::Protocol::kJson; }
  // Unknown or missing target (or a method other than POST): UnknownOperationException.
  // A body that is not a JSON object: SerializationException. Both 400.
  Result<http::Response> handle(const http::Request& request, CallContext& ctx) override;
  std::vector<std::string> operation_names() const override { return operations_.names(); }

 private:
  std::string signing_name_;
  std::string target_prefix_;
  JsonOperations operations_;
};

// Reading members of a request object. A member of the wrong JSON type is a
// SerializationException (as a Coral service answers it); a missing required member is a
// ValidationException worded "1 validation error detected: Value null at 'stackId' failed to
// satisfy constraint: Member must not be null". A JSON null counts as absent.
namespace json_input {

Result<std::string> required_string(const nlohmann::json& in, std::string_view name);
Result<std::optional<std::string>> optional_string(const nlohmann::json& in, std::string_view name);
Result<std::optional<bool>> optional_bool(const nlohmann::json& in, std::string_view name);
Result<std::optional<long long>> optional_int(const nlohmann::json& in, std::string_view name);
// The most members a list of strings may have (our bound: the model documents none; a
// request cannot make the fake build a huge answer). More is a ValidationException.
inline constexpr size_t kMaxListMembers = 1000;
// A list of strings; nullopt when absent (an empty list is present and empty).
Result<std::optional<std::vector<std::string>>> optional_string_list(const nlohmann::json& in,
                                                                     std::string_view name);
Result<std::vector<std::string>> required_string_list(const nlohmann::json& in,
                                                      std::string_view name);
// A map of string to string; nullopt when absent.
Result<std::optional<std::map<std::string, std::string>>> optional_string_map(
    const nlohmann::json& in, std::string_view name);
// A structure member (JSON object); nullopt when absent.
Result<std::optional<nlohmann::json>> optional_object(const nlohmann::json& in,
                                                      std::string_view name);
// A list member (JSON array) of any element type; nullopt when absent.
Result<std::optional<nlohmann::json>> optional_array(const nlohmann::json& in,
                                                     std::string_view name);

// The ValidationException for a missing required member.
aws::Error missing_member(std::string_view name);

}  // namespace json_input

}  // namespace opsreg::mocks
