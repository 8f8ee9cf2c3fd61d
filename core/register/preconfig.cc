// Building, rendering and parsing the agent preconfig (the AWS CLI's _pre_config_document and
// _to_ruby_yaml; the simulated agent reads it back).
#include "core/register/preconfig.h"

#include "core/util/json_bounded.h"
#include "core/util/json_text.h"

namespace opsreg::registration {

PreconfigValues preconfig_values(const PreconfigInput& in) {
  PreconfigValues out;
  for (const auto& [k, v] : in.parameters) out[k] = v;
  out["stack_id"] = in.stack_id;
  if (in.access_key_id && in.secret_access_key) {
    out["access_key_id"] = *in.access_key_id;
    out["secret_access_key"] = *in.secret_access_key;
  }
  if (in.hostname) out["hostname"] = *in.hostname;
  if (in.private_ip) out["private_ip"] = *in.private_ip;
  if (in.public_ip) out["public_ip"] = *in.public_ip;
  out["import"] = in.import;
  return out;
}

std::string render_preconfig(const PreconfigValues& values) {
  std::string out;
  for (const auto& [k, v] : values) {
    if (!out.empty()) out += '\n';
    out += ":" + k + ": " +
           v.dump(-1, ' ', /*ensure_ascii=*/true, nlohmann::json::error_handler_t::replace);
  }
  return out;
}

Result<PreconfigValues> parse_preconfig(std::string_view text) {
  PreconfigValues out;
  int line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    size_t sep = line.find(": ");
    if (line.front() != ':' || sep == std::string_view::npos || sep < 2)
      return aws::make_error("InvalidPreconfig",
                             "preconfig line " + std::to_string(line_no) + " is not ':key: value'",
                             0);
    std::string key(line.substr(1, sep - 1));
    auto value = parse_json_bounded(line.substr(sep + 2));
    if (value.is_discarded())
      return aws::make_error(
          "InvalidPreconfig",
          "preconfig line " + std::to_string(line_no) + " (" + key + "): value is not JSON", 0);
    out[key] = std::move(value);
  }
  return out;
}

std::string preconfig_text(const PreconfigValues& values, const std::string& key) {
  auto it = values.find(key);
  if (it == values.end() || it->second.is_null()) return "";
  return as_text(it->second);
}

PreconfigValues redacted(const PreconfigValues& values) {
  PreconfigValues out = values;
  if (auto it = out.find("secret_access_key"); it != out.end()) it->second = "REDACTED";
  return out;
}

}  // namespace opsreg::registration
