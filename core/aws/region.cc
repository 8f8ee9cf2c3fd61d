// Region name shape and partition.
#include "core/aws/region.h"

#include <algorithm>
#include <vector>

namespace opsreg::aws {

namespace {

bool lower_letters(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

// The shape [a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]{1,2}, read as its dash-separated parts:
// country, the optional gov or iso* part, the direction, and the number. (Every request's
// credential scope is checked with it, so it is written out rather than a std::regex.)
bool valid_region_name(std::string_view region) {
  if (region.empty() || region.size() > kMaxRegionName) return false;
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    size_t dash = region.find('-', start);
    parts.push_back(region.substr(start, dash - start));
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  if (parts.size() != 3 && parts.size() != 4) return false;
  const std::string_view number = parts.back();
  if (number.empty() || number.size() > 2 ||
      !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  if (parts[0].size() != 2 || !lower_letters(parts[0])) return false;
  if (!lower_letters(parts[parts.size() - 2])) return false;
  if (parts.size() == 3) return true;
  return parts[1] == "gov" || (parts[1].starts_with("iso") &&
                               (parts[1].size() == 3 || lower_letters(parts[1].substr(3))));
}

std::string_view partition_of(std::string_view region) {
  if (region.starts_with("cn-")) return "aws-cn";
  if (region.starts_with("us-gov-")) return "aws-us-gov";
  if (region.starts_with("us-isob-")) return "aws-iso-b";
  if (region.starts_with("us-iso-")) return "aws-iso";
  return "aws";
}

}  // namespace opsreg::aws
