// Condition-key lookup for policy evaluation.
#include "mocks/policy/context.h"

#include <cctype>

#include "core/clock/time_format.h"

namespace opsreg::mocks::policy {

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

RequestContext::RequestContext(const AuthzRequest& request)
    : request_(request), now_(to_instant(request.now)) {
  for (const auto& [name, value] : request.keys) keys_[lowercase(name)] = value;
  keys_["aws:currenttime"] = format_iso8601(request.now);
  keys_["aws:epochtime"] = std::to_string(now_.seconds);
}

std::optional<std::string> RequestContext::get(std::string_view name) const {
  auto it = keys_.find(lowercase(name));
  if (it == keys_.end()) return std::nullopt;
  return it->second;
}

}  // namespace opsreg::mocks::policy
