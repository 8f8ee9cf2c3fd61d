// Condition operators as AWS documents them: each case is one Allow statement with a
// Condition block, and whether it allows the request at a given time with given keys.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/clock/time_format.h"
#include "mocks/policy/evaluator.h"

namespace opsreg::mocks::policy {
namespace {

struct ConditionCase {
  const char* rule;
  const char* condition;  // the Condition object
  bool allows;
  std::map<std::string, std::string> keys = {};
  const char* now = "2026-01-01T00:00:00Z";
};

const ConditionCase kCases[] = {
    // The 15-minute window of the registration user's policy.
    {"DateLessThanAllowsBeforeBoundary",
     R"({"DateLessThan":{"aws:CurrentTime":"2026-01-01T00:15:00Z"}})",
     true,
     {},
     "2026-01-01T00:14:59Z"},
    {"DateLessThanDeniesAfterBoundary",
     R"({"DateLessThan":{"aws:CurrentTime":"2026-01-01T00:15:00Z"}})",
     false,
     {},
     "2026-01-01T00:15:01Z"},
    {"DateLessThanDeniesAtBoundary",
     R"({"DateLessThan":{"aws:CurrentTime":"2026-01-01T00:15:00Z"}})",
     false,
     {},
     "2026-01-01T00:15:00Z"},
    {"DateLessThanDeniesHalfASecondAfterBoundary",
     R"({"DateLessThan":{"aws:CurrentTime":"2026-01-01T00:15:00Z"}})",
     false,
     {},
     "2026-01-01T00:15:00.500Z"},
    {"DateLessThanEqualsAllowsAtBoundary",
     R"({"DateLessThanEquals":{"aws:CurrentTime":"2026-01-01T00:15:00Z"}})",
     true,
     {},
     "2026-01-01T00:15:00Z"},
    {"DateGreaterThanAllowsAfter",
     R"({"DateGreaterThan":{"aws:CurrentTime":"2025-12-31T23:59:59Z"}})", true},
    {"DateGreaterThanDeniesBefore",
     R"({"DateGreaterThan":{"aws:CurrentTime":"2026-01-01T00:00:01Z"}})", false},
    {"DateWindowBothBoundsHold",
     R"({"DateGreaterThan":{"aws:CurrentTime":"2025-12-31T00:00:00Z"},"DateLessThan":{"aws:CurrentTime":"2026-01-02T00:00:00Z"}})",
     true},
    {"DateWindowOneBoundFailsDenies",
     R"({"DateGreaterThan":{"aws:CurrentTime":"2026-01-01T00:00:01Z"},"DateLessThan":{"aws:CurrentTime":"2026-01-02T00:00:00Z"}})",
     false},
    {"DateValueAsEpochSeconds",
     R"({"DateLessThan":{"aws:CurrentTime":"1767226500"}})",
     true,
     {},
     "2026-01-01T00:14:59Z"},
    {"DateValueWithOffset",
     R"({"DateLessThan":{"aws:CurrentTime":"2026-01-01T01:15:00+01:00"}})",
     false,
     {},
     "2026-01-01T00:15:01Z"},
    {"DateOnEpochTimeKey", R"({"DateGreaterThanEquals":{"aws:EpochTime":"1767225600"}})", true},
    {"DateEqualsExactInstant", R"({"DateEquals":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}})",
     true},
    {"DateNotEqualsOtherInstant", R"({"DateNotEquals":{"aws:CurrentTime":"2026-01-01T00:00:01Z"}})",
     true},
    {"ConditionKeyNameIgnoresCase",
     R"({"DateLessThan":{"AWS:CURRENTTIME":"2026-01-01T00:15:00Z"}})", true},

    // Strings.
    {"StringEqualsMatches",
     R"({"StringEquals":{"aws:username":"alice"}})",
     true,
     {{"aws:username", "alice"}}},
    {"StringEqualsIsCaseSensitive",
     R"({"StringEquals":{"aws:username":"Alice"}})",
     false,
     {{"aws:username", "alice"}}},
    {"StringEqualsTakesStarLiterally",
     R"({"StringEquals":{"aws:username":"a*"}})",
     false,
     {{"aws:username", "alice"}}},
    {"StringEqualsAnyOfSeveralValues",
     R"({"StringEquals":{"aws:username":["bob","alice"]}})",
     true,
     {{"aws:username", "alice"}}},
    {"StringEqualsSeveralKeysAllMustHold",
     R"({"StringEquals":{"aws:username":"alice","aws:userid":"AIDA1"}})",
     false,
     {{"aws:username", "alice"}, {"aws:userid", "AIDA2"}}},
    {"StringNotEqualsHoldsForOtherValue",
     R"({"StringNotEquals":{"aws:username":"bob"}})",
     true,
     {{"aws:username", "alice"}}},
    {"StringNotEqualsWithSeveralValuesIsNoneOf",
     R"({"StringNotEquals":{"aws:username":["bob","alice"]}})",
     false,
     {{"aws:username", "alice"}}},
    {"StringEqualsIgnoreCaseMatches",
     R"({"StringEqualsIgnoreCase":{"aws:username":"ALICE"}})",
     true,
     {{"aws:username", "alice"}}},
    {"StringNotEqualsIgnoreCaseFailsOnSameLetters",
     R"({"StringNotEqualsIgnoreCase":{"aws:username":"ALICE"}})",
     false,
     {{"aws:username", "alice"}}},
    {"StringLikeWildcards",
     R"({"StringLike":{"s3:prefix":["home/*/docs","tmp/?"]}})",
     true,
     {{"s3:prefix", "home/alice/docs"}}},
    {"StringLikeNoMatch",
     R"({"StringLike":{"s3:prefix":"home/*/docs"}})",
     false,
     {{"s3:prefix", "home/alice/pics"}}},
    {"StringNotLikeHoldsWhenNoPatternMatches",
     R"({"StringNotLike":{"s3:prefix":"secret/*"}})",
     true,
     {{"s3:prefix", "home/x"}}},
    {"StringEqualsWithPolicyVariable",
     R"({"StringEquals":{"ec2:ResourceTag/Owner":"${aws:username}"}})",
     true,
     {{"aws:username", "alice"}, {"ec2:resourcetag/owner", "alice"}}},
    {"StringLikeVariableTextIsLiteral",
     R"({"StringLike":{"s3:prefix":"home/${aws:username}/*"}})",
     false,
     {{"aws:username", "*"}, {"s3:prefix", "home/bob/x"}}},

    // ARNs.
    {"ArnLikeMatchesWildcardPath",
     R"({"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:user/opsworks/*"}})",
     true,
     {{"aws:principalarn", "arn:aws:iam::123456789012:user/opsworks/reg-1"}}},
    {"ArnLikeStarStaysInsideItsPart",
     R"({"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:user/x"}})",
     false,
     {{"aws:principalarn", "arn:aws:iam::1:2:user/x"}}},
    {"ArnLikeRejectsOtherPath",
     R"({"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:user/opsworks/*"}})",
     false,
     {{"aws:principalarn", "arn:aws:iam::123456789012:user/admin"}}},
    {"ArnEqualsBehavesLikeArnLike",
     R"({"ArnEquals":{"aws:SourceArn":"arn:aws:ec2:*:*:instance/*"}})",
     true,
     {{"aws:sourcearn", "arn:aws:ec2:us-east-1:123456789012:instance/i-1"}}},
    {"ArnNotLikeHoldsForOtherArn",
     R"({"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:user/admin"}})",
     true,
     {{"aws:principalarn", "arn:aws:iam::123456789012:user/alice"}}},
    {"ArnNotEqualsFailsForSameArn",
     R"({"ArnNotEquals":{"aws:PrincipalArn":"arn:aws:iam::123456789012:user/alice"}})",
     false,
     {{"aws:principalarn", "arn:aws:iam::123456789012:user/alice"}}},

    // Bool, Numeric, Ip, Binary.
    {"BoolMatchesString",
     R"({"Bool":{"aws:SecureTransport":"true"}})",
     true,
     {{"aws:securetransport", "true"}}},
    {"BoolMatchesJsonBoolean",
     R"({"Bool":{"aws:SecureTransport":false}})",
     true,
     {{"aws:securetransport", "false"}}},
    {"BoolMismatch",
     R"({"Bool":{"aws:SecureTransport":"true"}})",
     false,
     {{"aws:securetransport", "false"}}},
    {"NumericLessThanHolds",
     R"({"NumericLessThan":{"s3:max-keys":"10"}})",
     true,
     {{"s3:max-keys", "9"}}},
    {"NumericLessThanFailsAtEqual",
     R"({"NumericLessThan":{"s3:max-keys":10}})",
     false,
     {{"s3:max-keys", "10"}}},
    {"NumericLessThanEqualsHoldsAtEqual",
     R"({"NumericLessThanEquals":{"s3:max-keys":10}})",
     true,
     {{"s3:max-keys", "10"}}},
    {"NumericGreaterThanHolds",
     R"({"NumericGreaterThan":{"aws:MultiFactorAuthAge":"3600"}})",
     true,
     {{"aws:multifactorauthage", "3601"}}},
    {"NumericGreaterThanEqualsFailsBelow",
     R"({"NumericGreaterThanEquals":{"aws:MultiFactorAuthAge":"3600"}})",
     false,
     {{"aws:multifactorauthage", "3599"}}},
    {"NumericEqualsComparesNumbers",
     R"({"NumericEquals":{"s3:max-keys":"10"}})",
     true,
     {{"s3:max-keys", "10.0"}}},
    {"NumericNotEqualsHolds",
     R"({"NumericNotEquals":{"s3:max-keys":"10"}})",
     true,
     {{"s3:max-keys", "11"}}},
    {"NumericWithNonNumberDoesNotMatch",
     R"({"NumericEquals":{"s3:max-keys":"10"}})",
     false,
     {{"s3:max-keys", "ten"}}},
    {"IpAddressInCidr",
     R"({"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}})",
     true,
     {{"aws:sourceip", "203.0.113.9"}}},
    {"IpAddressOutsideCidr",
     R"({"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}})",
     false,
     {{"aws:sourceip", "203.0.114.9"}}},
    {"NotIpAddressOutsideCidr",
     R"({"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}})",
     true,
     {{"aws:sourceip", "127.0.0.1"}}},
    {"IpAddressV6",
     R"({"IpAddress":{"aws:SourceIp":"2001:db8::/32"}})",
     true,
     {{"aws:sourceip", "2001:db8::1"}}},
    {"BinaryEqualsExact", R"({"BinaryEquals":{"k":"QmluYXJ5"}})", true, {{"k", "QmluYXJ5"}}},

    // Missing keys, IfExists and Null.
    {"MissingKeyMakesPositiveOperatorFalse", R"({"StringEquals":{"aws:username":"alice"}})", false},
    {"MissingKeyMakesNegatedOperatorTrue", R"({"StringNotEquals":{"aws:username":"alice"}})", true},
    {"MissingKeyMakesArnNotLikeTrue", R"({"ArnNotLike":{"aws:SourceArn":"arn:aws:s3:::*"}})", true},
    {"MissingKeyMakesBoolFalse", R"({"Bool":{"aws:MultiFactorAuthPresent":"true"}})", false},
    {"IfExistsHoldsWhenKeyMissing", R"({"StringEqualsIfExists":{"ec2:InstanceType":"t3.micro"}})",
     true},
    {"IfExistsStillComparesPresentKey",
     R"({"StringEqualsIfExists":{"ec2:InstanceType":"t3.micro"}})",
     false,
     {{"ec2:instancetype", "m5.large"}}},
    {"IfExistsMatchesPresentKey",
     R"({"StringEqualsIfExists":{"ec2:InstanceType":"t3.micro"}})",
     true,
     {{"ec2:instancetype", "t3.micro"}}},
    {"BoolIfExistsFalseHoldsWithoutKey",
     R"({"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}})", true},
    {"DateLessThanIfExistsOnCurrentTime",
     R"({"DateLessThanIfExists":{"aws:CurrentTime":"2026-01-01T00:15:00Z"}})",
     false,
     {},
     "2026-01-01T00:15:01Z"},
    {"NullTrueHoldsWhenKeyMissing", R"({"Null":{"aws:TokenIssueTime":"true"}})", true},
    {"NullTrueFailsWhenKeyPresent",
     R"({"Null":{"aws:TokenIssueTime":"true"}})",
     false,
     {{"aws:tokenissuetime", "2026-01-01T00:00:00Z"}}},
    {"NullFalseHoldsWhenKeyPresent",
     R"({"Null":{"aws:TokenIssueTime":"false"}})",
     true,
     {{"aws:tokenissuetime", "2026-01-01T00:00:00Z"}}},
    {"ForAnyValueWithMissingKeyIsFalse", R"({"ForAnyValue:StringEquals":{"aws:TagKeys":"a"}})",
     false},
    {"ForAllValuesWithMissingKeyIsTrue", R"({"ForAllValues:StringEquals":{"aws:TagKeys":"a"}})",
     true},
    {"ForAnyValueMatchesSingleValue",
     R"({"ForAnyValue:StringEquals":{"aws:TagKeys":"a"}})",
     true,
     {{"aws:tagkeys", "a"}}},

    // Unknown operators.
    {"EmptyUnknownOperatorMakesStatementNotMatch", R"({"StringSoundsLike":{}})", false},
};

void PrintTo(const ConditionCase& c, std::ostream* os) { *os << c.rule; }

class PolicyCondition : public ::testing::TestWithParam<ConditionCase> {};

TEST_P(PolicyCondition, FollowsAwsRules) {
  const ConditionCase& c = GetParam();
  std::string doc =
      std::string(
          R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":)") +
      c.condition + "}}";
  Result<PolicyPtr> p = parse_policy(doc);
  ASSERT_TRUE(p.ok()) << p.error().message << "\n" << doc;
  std::optional<TimePoint> now = parse_iso8601(c.now);
  ASSERT_TRUE(now);
  std::vector<PolicyPtr> policies{*p};
  AuthzRequest req{"iam:GetUser", "arn:aws:iam::123456789012:user/alice", *now, c.keys};
  EXPECT_EQ(evaluate(policies, req), c.allows ? Decision::kAllow : Decision::kImplicitDeny);
}

INSTANTIATE_TEST_SUITE_P(Cases, PolicyCondition, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.rule); });

TEST(PolicyConditionDeny, DenyOutsideWindowBeatsAllow) {
  Result<PolicyPtr> p = parse_policy(R"({"Version":"2012-10-17","Statement":[
      {"Effect":"Allow","Action":"*","Resource":"*"},
      {"Effect":"Deny","Action":"*","Resource":"*",
       "Condition":{"DateGreaterThan":{"aws:CurrentTime":"2026-01-01T00:15:00Z"}}}]})");
  ASSERT_TRUE(p.ok()) << p.error().message;
  std::vector<PolicyPtr> policies{*p};
  AuthzRequest req{"iam:GetUser", "*", *parse_iso8601("2026-01-01T00:14:59Z"), {}};
  EXPECT_EQ(evaluate(policies, req), Decision::kAllow);
  req.now = *parse_iso8601("2026-01-01T00:15:01Z");
  EXPECT_EQ(evaluate(policies, req), Decision::kExplicitDeny);
}

TEST(PolicyConditionDeny, UnknownOperatorBuiltByHandNeverMatches) {
  auto policy = std::make_shared<Policy>();
  Statement s;
  s.allow = true;
  s.actions = {"*"};
  s.resources = {"*"};
  s.conditions = {{"StringSoundsLike", "aws:username", {"alice"}}};
  policy->version = "2012-10-17";
  policy->statements.push_back(s);
  std::vector<PolicyPtr> policies{policy};
  AuthzRequest req{"iam:GetUser", "*", {}, {{"aws:username", "alice"}}};
  EXPECT_EQ(evaluate(policies, req), Decision::kImplicitDeny);
}

}  // namespace
}  // namespace opsreg::mocks::policy
