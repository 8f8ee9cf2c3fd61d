// The EC2 wire folder's own header: one add_<entity>_operations per entity file, and what the
// Describe handlers share (authorization with DryRun, the region's view of the world's hosts,
// EC2's MaxResults/NextToken paging).
#pragma once

#include <cstddef>
#include <string>

#include "core/aws/query_params.h"
#include "core/util/result.h"
#include "mocks/ec2/model.h"
#include "mocks/services/query_service.h"

namespace opsreg::mocks::ec2 {

// Each registers its entity's handlers under their AWS operation names.
void add_instance_operations(QueryOperations& ops);  // instances.cc
void add_volume_operations(QueryOperations& ops);    // volumes.cc
void add_address_operations(QueryOperations& ops);   // addresses.cc

// Authorizes `action` ("ec2:DescribeInstances") on "*", then answers a DryRun=true request with
// DryRunOperation (412), as EC2 does once the caller is allowed.
Status authorize(CallContext& ctx, const aws::QueryParams& params, std::string_view action);

// The world's EC2 hosts in the request's region.
Ec2View view_of(CallContext& ctx);

// Paging of Describe* results: limits checked as EC2 checks them, opaque tokens (base64 of
// "opsreg-ec2/OFFSET") that carry the next offset.
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
