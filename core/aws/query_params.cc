// Query-protocol parameter access.
#include "core/aws/query_params.h"

namespace opsreg::aws {

QueryParams QueryParams::parse(std::string_view form) {
  return QueryParams(parse_query(form, /*plus_is_space=*/true));
}

std::optional<std::string> QueryParams::get(std::string_view key) const {
  for (auto it = params_.rbegin(); it != params_.rend(); ++it)
    if (it->first == key) return it->second;
  return std::nullopt;
}

std::string QueryParams::get_or(std::string_view key, std::string_view fallback) const {
  auto v = get(key);
  return v ? *v : std::string(fallback);
}

std::vector<std::string> QueryParams::list(std::string_view prefix, bool ec2_style,
                                           size_t limit) const {
  std::vector<std::string> out;
  std::string base(prefix);
  base += ec2_style ? "." : ".member.";
  for (size_t i = 1; out.size() < limit; ++i) {
    auto v = get(base + std::to_string(i));
    if (!v) break;
    out.push_back(*v);
  }
  return out;
}

}  // namespace opsreg::aws
