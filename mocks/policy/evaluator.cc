// Policy evaluation: default deny, an explicit Deny beats any Allow, Action/NotAction and
// Resource/NotResource wildcards, conditions.
#include "mocks/policy/evaluator.h"

#include "mocks/policy/conditions.h"
#include "mocks/policy/context.h"
#include "mocks/policy/variables.h"
#include "mocks/policy/wildcard.h"

namespace opsreg::mocks::policy {

namespace {

bool action_matches(const Statement& s, std::string_view action) {
  bool any = false;
  for (const std::string& pattern : s.actions) {
    if (wildcard_match(pattern, action, /*ignore_case=*/true)) {
      any = true;
      break;
    }
  }
  return s.not_action ? !any : any;
}

bool resource_matches(const Statement& s, const RequestContext& ctx, bool expand) {
  bool any = false;
  for (const std::string& raw : s.resources) {
    std::optional<Pattern> pattern = expand_variables(raw, ctx, expand);
    if (pattern && pattern->matches(ctx.request().resource)) {
      any = true;
      break;
    }
  }
  return s.not_resource ? !any : any;
}

}  // namespace

bool statement_applies(const Statement& s, const RequestContext& ctx, bool expand_variables) {
  return action_matches(s, ctx.request().action) && resource_matches(s, ctx, expand_variables) &&
         conditions_hold(s.conditions, ctx, expand_variables);
}

Decision evaluate(std::span<const PolicyPtr> policies, const AuthzRequest& request) {
  RequestContext ctx(request);
  bool allowed = false;
  for (const PolicyPtr& policy : policies) {
    if (!policy) continue;
    bool expand = policy->expands_variables();
    for (const Statement& s : policy->statements) {
      if (!statement_applies(s, ctx, expand)) continue;
      if (!s.allow) return Decision::kExplicitDeny;
      allowed = true;
    }
  }
  return allowed ? Decision::kAllow : Decision::kImplicitDeny;
}

}  // namespace opsreg::mocks::policy
