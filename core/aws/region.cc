// Region name shape and partition.
#include "core/aws/region.h"

#include <regex>

namespace opsreg::aws {

bool valid_region_name(std::string_view region) {
  static const std::regex kRegion("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]{1,2}");
  if (region.empty() || region.size() > kMaxRegionName) return false;
  return std::regex_match(region.begin(), region.end(), kRegion);
}

std::string_view partition_of(std::string_view region) {
  if (region.starts_with("cn-")) return "aws-cn";
  if (region.starts_with("us-gov-")) return "aws-us-gov";
  if (region.starts_with("us-isob-")) return "aws-iso-b";
  if (region.starts_with("us-iso-")) return "aws-iso";
  return "aws";
}

}  // namespace opsreg::aws
