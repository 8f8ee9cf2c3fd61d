// Policy evaluation as AWS documents it: default deny, explicit deny beats allow,
// Action/NotAction, Resource/NotResource, wildcards and policy variables.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "core/clock/time_format.h"
#include "mocks/policy/evaluator.h"

namespace opsreg::mocks::policy {
namespace {

constexpr Decision kAllow = Decision::kAllow;
constexpr Decision kImplicit = Decision::kImplicitDeny;
constexpr Decision kExplicit = Decision::kExplicitDeny;

struct EvalCase {
  const char* rule;
  std::vector<const char*> policies;  // statements arrays, wrapped into 2012-10-17 documents
  const char* action;
  const char* resource;
  Decision want;
  std::map<std::string, std::string> keys = {};
};

constexpr const char* kUser = "arn:aws:iam::123456789012:user/alice";

const EvalCase kCases[] = {
    {"NoPoliciesIsImplicitDeny", {}, "iam:GetUser", kUser, kImplicit},
    {"MatchingAllowAllows",
     {R"([{"Effect":"Allow","Action":"iam:GetUser","Resource":"*"}])"},
     "iam:GetUser",
     kUser,
     kAllow},
    {"OtherActionIsImplicitDeny",
     {R"([{"Effect":"Allow","Action":"iam:GetUser","Resource":"*"}])"},
     "iam:DeleteUser",
     kUser,
     kImplicit},
    {"ExplicitDenyBeatsAllowInSamePolicy",
     {R"([{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"iam:DeleteUser","Resource":"*"}])"},
     "iam:DeleteUser",
     kUser,
     kExplicit},
    {"ExplicitDenyBeatsAllowAcrossPolicies",
     {R"([{"Effect":"Deny","Action":"iam:*","Resource":"*"}])",
      R"([{"Effect":"Allow","Action":"iam:CreateUser","Resource":"*"}])"},
     "iam:CreateUser",
     kUser,
     kExplicit},
    {"DenyForOtherActionLeavesAllow",
     {R"([{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"s3:*","Resource":"*"}])"},
     "iam:GetUser",
     kUser,
     kAllow},
    {"DenyAloneIsExplicitDeny",
     {R"([{"Effect":"Deny","Action":"*","Resource":"*"}])"},
     "iam:GetUser",
     kUser,
     kExplicit},
    {"ActionMatchIgnoresCase",
     {R"([{"Effect":"Allow","Action":"IAM:getuser","Resource":"*"}])"},
     "iam:GetUser",
     kUser,
     kAllow},
    {"ActionStarWildcard",
     {R"([{"Effect":"Allow","Action":"iam:Get*","Resource":"*"}])"},
     "iam:GetAccessKeyLastUsed",
     kUser,
     kAllow},
    {"ActionStarWildcardDoesNotMatchOtherPrefix",
     {R"([{"Effect":"Allow","Action":"iam:Get*","Resource":"*"}])"},
     "iam:ListUsers",
     kUser,
     kImplicit},
    {"ActionQuestionMarkMatchesOneCharacter",
     {R"([{"Effect":"Allow","Action":"s3:?etObject","Resource":"*"}])"},
     "s3:GetObject",
     "arn:aws:s3:::b/k",
     kAllow},
    {"ActionQuestionMarkNeedsExactlyOneCharacter",
     {R"([{"Effect":"Allow","Action":"s3:?GetObject","Resource":"*"}])"},
     "s3:GetObject",
     "arn:aws:s3:::b/k",
     kImplicit},
    {"ActionListAnyMatches",
     {R"([{"Effect":"Allow","Action":["s3:PutObject","iam:ListUsers"],"Resource":"*"}])"},
     "iam:ListUsers",
     "*",
     kAllow},
    {"StarActionMatchesEveryService",
     {R"([{"Effect":"Allow","Action":"*","Resource":"*"}])"},
     "opsworks:RegisterInstance",
     "arn:aws:opsworks:us-east-1:123456789012:stack/s/",
     kAllow},
    {"NotActionAllowsEverythingElse",
     {R"([{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}])"},
     "s3:GetObject",
     "arn:aws:s3:::b/k",
     kAllow},
    {"NotActionDoesNotAllowListedAction",
     {R"([{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}])"},
     "iam:CreateUser",
     kUser,
     kImplicit},
    {"DenyWithNotActionDeniesEverythingElse",
     {R"([{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","NotAction":["iam:GetUser","sts:*"],"Resource":"*"}])"},
     "iam:DeleteUser",
     kUser,
     kExplicit},
    {"DenyWithNotActionSparesListedActions",
     {R"([{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","NotAction":["iam:GetUser","sts:*"],"Resource":"*"}])"},
     "sts:GetCallerIdentity",
     "*",
     kAllow},
    {"ResourceMustMatch",
     {R"([{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::123456789012:user/bob"}])"},
     "iam:GetUser",
     kUser,
     kImplicit},
    {"ResourceWildcardMatchesPath",
     {R"([{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::123456789012:user/*"}])"},
     "iam:GetUser",
     kUser,
     kAllow},
    {"ResourceWildcardInAccount",
     {R"([{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::*:user/al?ce"}])"},
     "iam:GetUser",
     kUser,
     kAllow},
    {"ResourceMatchIsCaseSensitive",
     {R"([{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::123456789012:user/Alice"}])"},
     "iam:GetUser",
     kUser,
     kImplicit},
    {"ArnPatternDoesNotMatchStarResource",
     {R"([{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::123456789012:user/*"}])"},
     "iam:ListUsers",
     "*",
     kImplicit},
    {"NotResourceAllowsOtherResources",
     {R"([{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::secret/*"}])"},
     "s3:GetObject",
     "arn:aws:s3:::public/k",
     kAllow},
    {"NotResourceExcludesListedResources",
     {R"([{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::secret/*"}])"},
     "s3:GetObject",
     "arn:aws:s3:::secret/k",
     kImplicit},
    {"DenyWithNotResourceDeniesOutsideListed",
     {R"([{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::HRBucket/Payroll","arn:aws:s3:::HRBucket/Payroll/*"]}])"},
     "s3:GetObject",
     "arn:aws:s3:::other/x",
     kExplicit},
    {"DenyWithNotResourceSparesListed",
     {R"([{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::HRBucket/Payroll","arn:aws:s3:::HRBucket/Payroll/*"]}])"},
     "s3:GetObject",
     "arn:aws:s3:::HRBucket/Payroll/2026.csv",
     kAllow},
    {"UsernameVariableMatchesOwnUser",
     {R"([{"Effect":"Allow","Action":"iam:*AccessKey*","Resource":"arn:aws:iam::*:user/${aws:username}"}])"},
     "iam:CreateAccessKey",
     kUser,
     kAllow,
     {{"aws:username", "alice"}}},
    {"UsernameVariableRejectsOtherUser",
     {R"([{"Effect":"Allow","Action":"iam:*AccessKey*","Resource":"arn:aws:iam::*:user/${aws:username}"}])"},
     "iam:CreateAccessKey",
     "arn:aws:iam::123456789012:user/bob",
     kImplicit,
     {{"aws:username", "alice"}}},
    {"VariableValueIsLiteralNotWildcard",
     {R"([{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::*:user/${aws:username}"}])"},
     "iam:GetUser",
     kUser,
     kImplicit,
     {{"aws:username", "*"}}},
    {"UseridVariableInS3Prefix",
     {R"([{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::bucket/home/${aws:userid}/*"}])"},
     "s3:PutObject",
     "arn:aws:s3:::bucket/home/AIDAEXAMPLE/f",
     kAllow,
     {{"aws:userid", "AIDAEXAMPLE"}}},
    {"MissingVariableKeyMatchesNothing",
     {R"([{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::*:user/${aws:username}"}])"},
     "iam:GetUser",
     kUser,
     kImplicit},
    {"VariableDefaultUsedWhenKeyMissing",
     {R"([{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::*:user/${aws:username, 'alice'}"}])"},
     "iam:GetUser",
     kUser,
     kAllow},
    {"EscapedStarVariableIsLiteral",
     {R"([{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${*}"}])"},
     "s3:GetObject",
     "arn:aws:s3:::b/anything",
     kImplicit},
    {"EscapedStarVariableMatchesStar",
     {R"([{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${*}"}])"},
     "s3:GetObject",
     "arn:aws:s3:::b/*",
     kAllow},
    {"ConditionFailingMakesAllowNotApply",
     {R"([{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:username":"bob"}}}])"},
     "iam:GetUser",
     kUser,
     kImplicit,
     {{"aws:username", "alice"}}},
    {"ConditionFailingMakesDenyNotApply",
     {R"([{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}])"},
     "iam:GetUser",
     kUser,
     kAllow,
     {{"aws:securetransport", "true"}}},
    {"ConditionHoldingMakesDenyApply",
     {R"([{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}])"},
     "iam:GetUser",
     kUser,
     kExplicit,
     {{"aws:securetransport", "false"}}},
};

void PrintTo(const EvalCase& c, std::ostream* os) { *os << c.rule; }

class PolicyEvaluate : public ::testing::TestWithParam<EvalCase> {};

TEST_P(PolicyEvaluate, FollowsAwsRules) {
  const EvalCase& c = GetParam();
  std::vector<PolicyPtr> policies;
  for (const char* statements : c.policies) {
    std::string doc = std::string(R"({"Version":"2012-10-17","Statement":)") + statements + "}";
    Result<PolicyPtr> p = parse_policy(doc);
    ASSERT_TRUE(p.ok()) << p.error().message << "\n" << doc;
    policies.push_back(*p);
  }
  AuthzRequest req{c.action, c.resource, *parse_iso8601("2026-01-01T00:00:00Z"), c.keys};
  EXPECT_EQ(evaluate(policies, req), c.want);
}

INSTANTIATE_TEST_SUITE_P(Cases, PolicyEvaluate, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.rule); });

TEST(PolicyEvaluateVersions, LegacyPolicyTreatsVariablesAsLiteralText) {
  Result<PolicyPtr> p = parse_policy(
      R"({"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::*:user/${aws:username}"}})");
  ASSERT_TRUE(p.ok());
  std::vector<PolicyPtr> policies{*p};
  AuthzRequest req{"iam:GetUser", kUser, {}, {{"aws:username", "alice"}}};
  EXPECT_EQ(evaluate(policies, req), kImplicit);
  req.resource = "arn:aws:iam::123456789012:user/${aws:username}";
  EXPECT_EQ(evaluate(policies, req), kAllow);
}

TEST(PolicyEvaluateVersions, NullPolicyEntriesAreIgnored) {
  std::vector<PolicyPtr> policies{nullptr};
  AuthzRequest req{"iam:GetUser", kUser, {}, {}};
  EXPECT_EQ(evaluate(policies, req), kImplicit);
}

}  // namespace
}  // namespace opsreg::mocks::policy
