// Query-protocol dispatch and envelopes, for the query services (IAM, STS) and for EC2's
// variant, with each one's wording for a missing or unknown Action.
#include "mocks/services/query_service.h"

#include <cctype>

#include "core/aws/query_response.h"
#include "core/aws/xml_writer.h"
#include "mocks/services/operation_name.h"

namespace opsreg::mocks {

Result<http::Response> QueryService::handle(const http::Request& request, CallContext& ctx) {
  const bool ec2 = protocol_ == aws::Protocol::kEc2;
  aws::QueryParams params = query_params(request);
  auto action_name = params.get("Action");
  if (!action_name || action_name->empty())
    return aws::make_error("MissingAction",
                           ec2 ? "The request must contain the parameter Action" : "Missing Action",
                           400);
  const QueryHandler* handler = operations_.find(*action_name);
  if (!handler) {
    return aws::make_error(
        "InvalidAction",
        ec2 ? "The action " + *action_name + " is not valid for this web service."
            : "Could not find operation " + *action_name + " for version " +
                  params.get_or("Version", "NO_VERSION_SPECIFIED"),
        400);
  }
  Result<std::string> result = (*handler)(params, ctx);
  if (!result.ok()) return result.error();
  http::Response r;
  if (ec2) {
    aws::XmlWriter w;
    w.open(*action_name + "Response", xmlns_).leaf("requestId", ctx.request_id()).raw(*result);
    r.set_header("Content-Type", "text/xml;charset=UTF-8");
    r.body = w.str();
  } else {
    r.set_header("Content-Type", "text/xml");
    r.body = aws::render_query_response(*action_name, xmlns_, *result, ctx.request_id());
  }
  return r;
}

Result<std::string> required_param(const aws::QueryParams& params, std::string_view name) {
  auto v = params.get(name);
  if (!v) {
    return aws::make_error("ValidationError",
                           "1 validation error detected: Value null at '" +
                               std::string(1, static_cast<char>(std::tolower(name[0]))) +
                               std::string(name.substr(1)) +
                               "' failed to satisfy constraint: Member must not be null");
  }
  return *v;
}

}  // namespace opsreg::mocks
