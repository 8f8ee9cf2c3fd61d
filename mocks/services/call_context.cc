// Authorization of one call against the caller's identity policies, with each protocol's
// access-denied error.
#include "mocks/services/service.h"
#include "mocks/world/world.h"

namespace opsreg::mocks {

namespace {
aws::Error access_denied(aws::Protocol protocol, const Caller& caller, std::string_view action,
                         std::string_view resource, bool explicit_deny) {
  std::string who = caller.anonymous ? "anonymous" : caller.principal.arn;
  std::string msg = "User: " + who + " is not authorized to perform: " + std::string(action) +
                    " on resource: " + std::string(resource) +
                    (explicit_deny ? " with an explicit deny in an identity-based policy"
                                   : " because no identity-based policy allows the " +
                                         std::string(action) + " action");
  switch (protocol) {
    case aws::Protocol::kQuery:
      return aws::make_error("AccessDenied", msg, 403);
    case aws::Protocol::kJson:
      return aws::make_error("AccessDeniedException", msg, 400);
    case aws::Protocol::kEc2:
      return aws::make_error("UnauthorizedOperation",
                             "You are not authorized to perform this operation. " + msg, 403);
    case aws::Protocol::kRestXml:
      return aws::make_error("AccessDenied", "Access Denied", 403);
  }
  return aws::make_error("AccessDenied", msg, 403);
}
}  // namespace

Status CallContext::authorize(std::string_view action, std::string_view resource,
                              const std::map<std::string, std::string>& extra_keys) const {
  if (!caller_.anonymous && caller_.principal.root) return {};
  if (caller_.anonymous) return access_denied(protocol_, caller_, action, resource, false);
  policy::AuthzRequest req;
  req.action = action;
  req.resource = resource;
  req.now = world_.now();
  req.keys = extra_keys;
  // Role sessions have no aws:username (a policy naming it does not match them).
  if (!caller_.principal.user_name.empty()) req.keys["aws:username"] = caller_.principal.user_name;
  req.keys["aws:userid"] = caller_.principal.user_id;
  req.keys["aws:principalarn"] = caller_.principal.arn;
  req.keys["aws:principalaccount"] = caller_.principal.account_id;
  req.keys["aws:securetransport"] = "false";
  policy::Decision d = policy::evaluate(caller_.policies, req);
  if (d == policy::Decision::kAllow) return {};
  return access_denied(protocol_, caller_, action, resource, d == policy::Decision::kExplicitDeny);
}

}  // namespace opsreg::mocks
