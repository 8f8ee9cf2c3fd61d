// AWS region names: what a valid one looks like (credential scopes, S3 location constraints)
// and the partition it belongs to.
#pragma once

#include <string_view>

namespace opsreg::aws {

// The longest region name accepted; real ones are under 20 characters.
inline constexpr size_t kMaxRegionName = 32;

// True for a region-shaped name such as "us-east-1", "us-gov-west-1" or "us-isob-east-1".
bool valid_region_name(std::string_view region);

// "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b" or "aws" for a valid region name.
std::string_view partition_of(std::string_view region);

}  // namespace opsreg::aws
