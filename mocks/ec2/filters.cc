// Filter parsing and wildcard matching for the fake EC2's Describe* operations.
#include "mocks/ec2/filters.h"

namespace opsreg::mocks::ec2 {

namespace {
aws::Error filter_limit(const std::string& message) {
  return aws::make_error("FilterLimitExceeded", message, 400);
}
}  // namespace

Result<std::vector<Filter>> parse_filters(const aws::QueryParams& params) {
  std::vector<Filter> out;
  for (size_t n = 1;; ++n) {
    std::string prefix = "Filter." + std::to_string(n) + ".";
    auto name = params.get(prefix + "Name");
    std::vector<std::string> values =
        params.list(prefix + "Value", /*ec2_style=*/true, kMaxFilterValues + 1);
    if (!name && values.empty()) break;
    if (n > kMaxFilters)
      return filter_limit("The maximum number of filters specified on a single call is " +
                          std::to_string(kMaxFilters));
    if (values.size() > kMaxFilterValues)
      return filter_limit("The maximum number of filter values specified on a single call is " +
                          std::to_string(kMaxFilterValues));
    if (!name || name->empty())
      return invalid_parameter_value("The filter name must be specified (Filter." +
                                     std::to_string(n) + ")");
    if (values.empty())
      return invalid_parameter_value("The filter '" + *name + "' must have at least one value");
    out.push_back({*name, std::move(values)});
  }
  return out;
}

Result<std::vector<std::string>> id_list(const aws::QueryParams& params, std::string_view prefix) {
  std::vector<std::string> ids = params.list(prefix, /*ec2_style=*/true, kMaxIds + 1);
  if (ids.size() > kMaxIds)
    return invalid_parameter_value("The request names more than " + std::to_string(kMaxIds) +
                                   " values of " + std::string(prefix) + "; ask for fewer");
  return ids;
}

bool wildcard_match(std::string_view p, std::string_view v) {
  // Iterative matching with backtracking to the last '*'.
  size_t pi = 0, vi = 0, star = std::string_view::npos, mark = 0;
  while (vi < v.size()) {
    if (pi < p.size() && p[pi] == '\\' && pi + 1 < p.size()) {
      if (p[pi + 1] == v[vi]) {
        pi += 2;
        ++vi;
        continue;
      }
    } else if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = vi;
      continue;
    } else if (pi < p.size() && (p[pi] == '?' || p[pi] == v[vi])) {
      ++pi;
      ++vi;
      continue;
    }
    if (star == std::string_view::npos) return false;
    pi = star + 1;
    vi = ++mark;
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

bool matches(const Filter& filter, const std::vector<std::string>& candidates) {
  for (const std::string& pattern : filter.values)
    for (const std::string& c : candidates)
      if (wildcard_match(pattern, c)) return true;
  return false;
}

}  // namespace opsreg::mocks::ec2
