// STS GetCallerIdentity over the query protocol.
#include "core/clients/sts_client.h"

#include "core/clients/xml_response.h"

namespace opsreg::clients {

Result<CallerIdentity> StsClient::get_caller_identity() {
  Result<http::Response> res = client_.call_query("GetCallerIdentity", kApiVersion, {});
  if (!res.ok()) return res.error();
  pugi::xml_document doc;
  if (Status s = load_xml(res->body, &doc); !s.ok()) return s.error();
  pugi::xml_node r = find_element(doc, "GetCallerIdentityResult");
  if (!r)
    return aws::make_error("MalformedResponse",
                           "The response has no <GetCallerIdentityResult> element", 200);
  return CallerIdentity{child_text(r, "UserId"), child_text(r, "Account"), child_text(r, "Arn")};
}

}  // namespace opsreg::clients
