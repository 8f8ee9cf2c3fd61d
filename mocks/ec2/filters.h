// EC2's Filter.N.Name / Filter.N.Value.M request parameters and how a filter value matches:
// `*` any run of characters, `?` one character, `\` escapes the next one (AWS's rules).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/aws/query_params.h"
#include "core/util/result.h"
#include "mocks/ec2/errors.h"

namespace opsreg::mocks::ec2 {

struct Filter {
  std::string name;                 // e.g. "tag:Name", "instance-state-name"
  std::vector<std::string> values;  // a resource matches when any value matches
};

// EC2's documented bounds on one request's filters, and ours on a list of ids.
inline constexpr size_t kMaxFilters = 50;
inline constexpr size_t kMaxFilterValues = 200;
inline constexpr size_t kMaxIds = 1000;

// Reads Filter.1.Name, Filter.1.Value.1, … in index order until the first gap. A filter
// without a name or without values is InvalidParameterValue, as EC2 answers; more than
// kMaxFilters filters or kMaxFilterValues values in one is FilterLimitExceeded.
Result<std::vector<Filter>> parse_filters(const aws::QueryParams& params);

// The ids `prefix`.1, `prefix`.2, … (InstanceId, VolumeId, …); more than kMaxIds is
// InvalidParameterValue, read no further (a request cannot make the fake build a huge answer).
Result<std::vector<std::string>> id_list(const aws::QueryParams& params, std::string_view prefix);

// Whether `value` matches the filter value `pattern` (wildcards as above, case-sensitive).
bool wildcard_match(std::string_view pattern, std::string_view value);

// Whether any of the filter's values matches any of `candidates` (a resource's values for the
// filter's name; empty when the resource has none, which never matches).
bool matches(const Filter& filter, const std::vector<std::string>& candidates);

}  // namespace opsreg::mocks::ec2
