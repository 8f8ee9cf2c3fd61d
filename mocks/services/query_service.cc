// Query-protocol dispatch.
#include "mocks/services/query_service.h"

#include <cctype>

#include "core/aws/query_response.h"
#include "mocks/services/operation_name.h"

namespace opsreg::mocks {

Result<http::Response> QueryService::handle(const http::Request& request, CallContext& ctx) {
  aws::QueryParams params = query_params(request);
  auto action_name = params.get("Action");
  if (!action_name || action_name->empty())
    return aws::make_error("MissingAction", "Missing Action", 400);
  auto it = actions_.find(*action_name);
  if (it == actions_.end()) {
    return aws::make_error("InvalidAction",
                           "Could not find operation " + *action_name + " for version " +
                               params.get_or("Version", "NO_VERSION_SPECIFIED"),
                           400);
  }
  Result<std::string> result = it->second(params, ctx);
  if (!result.ok()) return result.error();
  http::Response r;
  r.set_header("Content-Type", "text/xml");
  r.body = aws::render_query_response(*action_name, xmlns_, *result, ctx.request_id());
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
