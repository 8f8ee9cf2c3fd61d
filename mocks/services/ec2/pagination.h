// EC2's MaxResults / NextToken paging for Describe* operations: limits checked as EC2 checks
// them, opaque tokens that carry the next offset.
#pragma once

#include <cstddef>
#include <string>

#include "core/aws/query_params.h"
#include "core/util/result.h"

namespace opsreg::mocks::ec2 {

struct PageLimits {
  std::string ids_param;  // the wire name of the id list ("instancesSet", "volumeSet")
  bool has_ids = false;   // the request named ids (then MaxResults is refused)
  int max = 1000;         // the largest MaxResults
  bool clamp = false;     // larger values are cut to `max` (DescribeVolumes) or refused
};

// The slice [begin, end) of `total` results to return, and the token for the rest ("" when
// none). Without MaxResults every remaining result is returned. Errors:
// InvalidParameterCombination (MaxResults with ids), InvalidParameterValue (MaxResults not a
// number or out of 5..max, a NextToken that is not one of ours).
struct Page {
  size_t begin = 0;
  size_t end = 0;
  std::string next_token;
};
Result<Page> paginate(const aws::QueryParams& params, size_t total, const PageLimits& limits);

}  // namespace opsreg::mocks::ec2
