// The AWS query protocol's request side (IAM, STS, EC2): a form body of flat keys such as
// `Action=ListUsers&Tags.member.1.Key=k`, read as scalars and lists.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/aws/uri.h"

namespace opsreg::aws {

class QueryParams {
 public:
  QueryParams() = default;
  explicit QueryParams(Params params) : params_(std::move(params)) {}
  // Parses an application/x-www-form-urlencoded body (or a raw query string).
  static QueryParams parse(std::string_view form);

  // The last value of `key`, or nullopt.
  std::optional<std::string> get(std::string_view key) const;
  std::string get_or(std::string_view key, std::string_view fallback) const;
  bool has(std::string_view key) const { return get(key).has_value(); }
  // `prefix.member.1`, `prefix.member.2`, ... (query protocol lists), or with `ec2_style`
  // `prefix.1`, `prefix.2`, ... (EC2 lists), in index order until the first gap; at most
  // `limit` members (a caller bounding a list reads one more than it allows).
  std::vector<std::string> list(std::string_view prefix, bool ec2_style = false,
                                size_t limit = SIZE_MAX) const;
  const Params& all() const { return params_; }

  void add(std::string key, std::string value) {
    params_.emplace_back(std::move(key), std::move(value));
  }
  std::string encode() const { return encode_query(params_); }

 private:
  Params params_;
};

}  // namespace opsreg::aws
