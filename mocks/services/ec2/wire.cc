// What the EC2 handlers share: authorization with DryRun, the region's view of the world's
// hosts, and MaxResults/NextToken paging with opaque tokens.
#include "mocks/services/ec2/wire.h"

#include <charconv>

#include "core/aws/crypto.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::ec2 {

Status authorize(CallContext& ctx, const aws::QueryParams& params, std::string_view action) {
  if (Status s = ctx.authorize(action, "*"); !s.ok()) return s;
  if (params.get_or("DryRun", "false") == "true")
    return aws::make_error("DryRunOperation",
                           "Request would have succeeded, but DryRun flag is set.", 412);
  return {};
}

Ec2View view_of(CallContext& ctx) {
  return Ec2View(ctx.world().hosts(), ctx.region(), ctx.world().account_id());
}

namespace {

constexpr std::string_view kTokenPrefix = "opsreg-ec2/";

bool parse_int(const std::string& text, long long* out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

}  // namespace

Result<Page> paginate(const aws::QueryParams& params, size_t total, const PageLimits& limits) {
  Page page;
  page.end = total;
  auto max_results = params.get("MaxResults");
  if (max_results && limits.has_ids)
    return aws::make_error(
        "InvalidParameterCombination",
        "The parameter " + limits.ids_param + " cannot be used with the parameter maxResults", 400);
  if (auto token = params.get("NextToken"); token && !token->empty()) {
    std::string decoded;
    long long offset = -1;
    if (!aws::base64_decode(*token, &decoded) || !decoded.starts_with(kTokenPrefix) ||
        !parse_int(decoded.substr(kTokenPrefix.size()), &offset) || offset < 0)
      return invalid_parameter_value("Invalid value '" + *token + "' for nextToken");
    page.begin = std::min(total, static_cast<size_t>(offset));
  }
  if (max_results) {
    long long n = 0;
    if (!parse_int(*max_results, &n))
      return invalid_parameter_value("Invalid value '" + *max_results + "' for maxResults");
    if (n < 5)
      return invalid_parameter_value("Value ( " + *max_results +
                                     " ) for parameter maxResults is invalid. Expecting a value "
                                     "greater than 5.");
    if (n > limits.max && !limits.clamp)
      return invalid_parameter_value("Value ( " + *max_results +
                                     " ) for parameter maxResults is invalid. Expecting a value "
                                     "less than " +
                                     std::to_string(limits.max) + ".");
    n = std::min<long long>(n, limits.max);
    page.end = std::min(total, page.begin + static_cast<size_t>(n));
    if (page.end < total)
      page.next_token = aws::base64_encode(std::string(kTokenPrefix) + std::to_string(page.end));
  }
  return page;
}

}  // namespace opsreg::mocks::ec2
