// JSON 1.1 dispatch on X-Amz-Target and typed reading of request members, with the errors a
// Coral service gives for unknown targets, bad bodies and members of the wrong type.
#include "mocks/services/json_service.h"

#include <cctype>

#include "core/util/json_bounded.h"

namespace opsreg::mocks {

Result<http::Response> JsonService::handle(const http::Request& request, CallContext& ctx) {
  std::string_view target = request.header("X-Amz-Target");
  std::string_view op_name;
  if (target.size() > target_prefix_.size() + 1 && target.starts_with(target_prefix_) &&
      target[target_prefix_.size()] == '.')
    op_name = target.substr(target_prefix_.size() + 1);
  const JsonHandler* handler = operations_.find(op_name);
  if (request.method != "POST" || !handler) {
    return aws::make_error(
        "UnknownOperationException",
        target.empty() ? "Missing X-Amz-Target header" : "Unknown operation " + std::string(target),
        400);
  }
  nlohmann::json input = nlohmann::json::object();
  if (!request.body.empty()) {
    input = parse_json_bounded(request.body);
    if (input.is_discarded())
      return aws::make_error("SerializationException", "The request body is not valid JSON", 400);
    if (!input.is_object())
      return aws::make_error("SerializationException",
                             "The request body must be a JSON object (use {} for no members)", 400);
  }
  Result<nlohmann::json> result = (*handler)(input, ctx);
  if (!result.ok()) return result.error();
  http::Response r;
  r.set_header("Content-Type", "application/x-amz-json-1.1");
  r.body = result->is_null() ? "{}" : result->dump();
  return r;
}

namespace json_input {

namespace {
aws::Error wrong_type(std::string_view name, std::string_view expected) {
  return aws::make_error("SerializationException",
                         "Member " + std::string(name) + " must be " + std::string(expected), 400);
}
// The member, or null when absent or JSON null.
const nlohmann::json* member(const nlohmann::json& in, std::string_view name) {
  auto it = in.find(name);
  if (it == in.end() || it->is_null()) return nullptr;
  return &*it;
}
}  // namespace

namespace {
// A member's name as Coral quotes it in a validation message ("StackIds" -> "stackIds").
std::string coral_name(std::string_view name) {
  std::string lower(name);
  if (!lower.empty()) lower[0] = static_cast<char>(std::tolower(lower[0]));
  return lower;
}
}  // namespace

aws::Error missing_member(std::string_view name) {
  return aws::make_error("ValidationException",
                         "1 validation error detected: Value null at '" + coral_name(name) +
                             "' failed to satisfy constraint: Member "
                             "must not be null",
                         400);
}

Result<std::optional<std::string>> optional_string(const nlohmann::json& in,
                                                   std::string_view name) {
  const nlohmann::json* m = member(in, name);
  if (!m) return std::optional<std::string>();
  if (!m->is_string()) return wrong_type(name, "a string");
  return std::optional<std::string>(m->get<std::string>());
}

Result<std::string> required_string(const nlohmann::json& in, std::string_view name) {
  auto v = optional_string(in, name);
  if (!v.ok()) return v.error();
  if (!v->has_value()) return missing_member(name);
  return **v;
}

Result<std::optional<bool>> optional_bool(const nlohmann::json& in, std::string_view name) {
  const nlohmann::json* m = member(in, name);
  if (!m) return std::optional<bool>();
  if (!m->is_boolean()) return wrong_type(name, "a boolean");
  return std::optional<bool>(m->get<bool>());
}

Result<std::optional<long long>> optional_int(const nlohmann::json& in, std::string_view name) {
  const nlohmann::json* m = member(in, name);
  if (!m) return std::optional<long long>();
  if (!m->is_number_integer()) return wrong_type(name, "an integer");
  return std::optional<long long>(m->get<long long>());
}

Result<std::optional<std::vector<std::string>>> optional_string_list(const nlohmann::json& in,
                                                                     std::string_view name) {
  const nlohmann::json* m = member(in, name);
  if (!m) return std::optional<std::vector<std::string>>();
  if (!m->is_array()) return wrong_type(name, "a list of strings");
  if (m->size() > kMaxListMembers)
    return aws::make_error("ValidationException",
                           "1 validation error detected: Value at '" + coral_name(name) +
                               "' failed to satisfy constraint: Member must have length less "
                               "than or equal to " +
                               std::to_string(kMaxListMembers),
                           400);
  std::vector<std::string> out;
  for (const auto& e : *m) {
    if (!e.is_string()) return wrong_type(name, "a list of strings");
    out.push_back(e.get<std::string>());
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

Result<std::vector<std::string>> required_string_list(const nlohmann::json& in,
                                                      std::string_view name) {
  auto v = optional_string_list(in, name);
  if (!v.ok()) return v.error();
  if (!v->has_value()) return missing_member(name);
  return std::move(**v);
}

Result<std::optional<std::map<std::string, std::string>>> optional_string_map(
    const nlohmann::json& in, std::string_view name) {
  const nlohmann::json* m = member(in, name);
  if (!m) return std::optional<std::map<std::string, std::string>>();
  if (!m->is_object()) return wrong_type(name, "a map of strings");
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : m->items()) {
    if (!v.is_string()) return wrong_type(name, "a map of strings");
    out[k] = v.get<std::string>();
  }
  return std::optional<std::map<std::string, std::string>>(std::move(out));
}

Result<std::optional<nlohmann::json>> optional_object(const nlohmann::json& in,
                                                      std::string_view name) {
  const nlohmann::json* m = member(in, name);
  if (!m) return std::optional<nlohmann::json>();
  if (!m->is_object()) return wrong_type(name, "a structure");
  return std::optional<nlohmann::json>(*m);
}

Result<std::optional<nlohmann::json>> optional_array(const nlohmann::json& in,
                                                     std::string_view name) {
  const nlohmann::json* m = member(in, name);
  if (!m) return std::optional<nlohmann::json>();
  if (!m->is_array()) return wrong_type(name, "a list");
  return std::optional<nlohmann::json>(*m);
}

}  // namespace json_input

}  // namespace opsreg::mocks
