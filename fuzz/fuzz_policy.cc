// libFuzzer target: IAM policy documents as PutUserPolicy/CreatePolicy and world files hand
// them in (mocks/policy/policy.h parse_policy, both kinds), their conditions evaluated against
// requests (mocks/policy/evaluator.h, conditions.h), and trust policies (mocks/iam/trust_policy.h).
// Asserts that the decision of a parsed policy is the one its statements give (an explicit Deny
// wins, then an Allow), for requests with and without the condition keys.
// libFuzzer: -max_len=8192 -timeout=10
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/clock/time_format.h"
#include "fuzz/fuzz_check.h"
#include "mocks/iam/trust_policy.h"
#include "mocks/policy/context.h"
#include "mocks/policy/evaluator.h"
#include "mocks/policy/policy.h"

namespace {

using namespace opsreg::mocks::policy;

AuthzRequest request_with_keys() {
  AuthzRequest r;
  r.action = "iam:CreateUser";
  r.resource = "arn:aws:iam::123456789012:user/team/alice";
  r.now = *opsreg::parse_iso8601("2026-01-01T00:15:00Z");
  r.keys = {{"aws:username", "alice"},
            {"aws:userid", "AIDAEXAMPLEUSERID0001"},
            {"aws:principalarn", "arn:aws:iam::123456789012:user/team/alice"},
            {"aws:securetransport", "true"},
            {"aws:sourceip", "10.1.2.3"},
            {"aws:multifactorauthpresent", "false"},
            {"aws:requestedregion", "us-east-1"},
            {"iam:permissionsboundary", "arn:aws:iam::aws:policy/ReadOnlyAccess"}};
  return r;
}

AuthzRequest request_without_keys() {
  AuthzRequest r;
  r.action = "s3:GetObject";
  r.resource = "arn:aws:s3:::opsworks-instance-agent-us-east-1/installer/agent.tgz";
  r.now = *opsreg::parse_iso8601("1999-12-31T23:59:59Z");
  return r;
}

void check_decision(const PolicyPtr& policy, const AuthzRequest& request) {
  RequestContext ctx(request);
  bool deny = false, allow = false;
  for (const Statement& s : policy->statements) {
    if (!statement_applies(s, ctx, policy->expands_variables())) continue;
    (s.allow ? allow : deny) = true;
  }
  Decision expected = deny    ? Decision::kExplicitDeny
                      : allow ? Decision::kAllow
                              : Decision::kImplicitDeny;
  const PolicyPtr policies[] = {policy, nullptr};
  FUZZ_CHECK(evaluate(std::span<const PolicyPtr>(policies), request) == expected);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view document(reinterpret_cast<const char*>(data), size);
  for (PolicyKind kind : {PolicyKind::kInline, PolicyKind::kManaged}) {
    auto policy = parse_policy(document, kind);
    if (!policy.ok()) {
      FUZZ_CHECK(!policy.error().message.empty());
      continue;
    }
    check_decision(*policy, request_with_keys());
    check_decision(*policy, request_without_keys());
  }
  auto exists = [](std::string_view arn) { return arn.find("missing") == std::string_view::npos; };
  if (opsreg::mocks::iam::check_trust_policy(document, "123456789012", exists).ok())
    opsreg::mocks::iam::evaluate_trust(document, "sts:AssumeRole", "123456789012",
                                       {"arn:aws:iam::123456789012:user/alice"});
  return 0;
}
