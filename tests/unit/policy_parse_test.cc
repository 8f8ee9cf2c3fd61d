// Policy documents as IAM validates them on PutUserPolicy/CreatePolicy: which documents
// are MalformedPolicyDocument, and with which message.
#include <gtest/gtest.h>

#include "mocks/policy/policy.h"

namespace opsreg::mocks::policy {
namespace {

struct ParseCase {
  const char* rule;
  const char* document;
  const char* message;  // nullptr: accepted
  PolicyKind kind = PolicyKind::kInline;
};

const ParseCase kCases[] = {
    // Accepted documents.
    {"MinimalStatementObject",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:GetUser","Resource":"*"}})",
     nullptr},
    {"StatementArrayWithSidAndId",
     R"({"Version":"2012-10-17","Id":"x","Statement":[{"Sid":"A1","Effect":"Deny","Action":["s3:*"],"NotResource":["arn:aws:s3:::b/*"]}]})",
     nullptr},
    {"LegacyVersionAcceptedInline",
     R"({"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})",
     nullptr},
    {"MissingVersionAcceptedInline",
     R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})", nullptr},
    {"NotActionWithNotResource",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"s3:ListBucket","NotResource":"*"}})",
     nullptr},
    {"ConditionsWithBoolsNumbersAndLists",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":true},"NumericLessThan":{"s3:max-keys":10},"StringLike":{"s3:prefix":["a/*","b/*"]},"ForAllValues:StringEquals":{"aws:TagKeys":"x"},"DateLessThan":{"aws:CurrentTime":"2026-01-01T00:15:00Z"}}}})",
     nullptr},
    {"DateValuesInIamForms",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"DateLessThanEquals":{"a":["2016-12-13T21:20:37.593194+00:00","2016-12-13t2:00:00.593194+23","01T","-292275054","1700000000"]}}}})",
     nullptr},
    {"UnknownOperatorWithEmptyBlock",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"x":{}}}})",
     nullptr},
    {"ActionNameIsNotChecked",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam: asdf safdsf af ","Resource":"*"}})",
     nullptr},
    {"IamUserPathWithVariable",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::*:user/${aws:username}"}})",
     nullptr},
    {"ManagedPolicyWithCurrentVersion",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})",
     nullptr, PolicyKind::kManaged},

    // Syntax errors.
    {"NotJsonIsSyntaxError", "This is not a json document", "Syntax errors in policy."},
    {"JsonArrayIsSyntaxError", "[]", "Syntax errors in policy."},
    {"UnknownVersionIsSyntaxError",
     R"({"Version":"2013-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})",
     "Syntax errors in policy."},
    {"MissingStatementIsSyntaxError", R"({"Version":"2012-10-17"})", "Syntax errors in policy."},
    {"EmptyStatementArrayIsSyntaxError", R"({"Version":"2012-10-17","Statement":[]})",
     "Syntax errors in policy."},
    {"StatementNotObjectIsSyntaxError", R"({"Version":"2012-10-17","Statement":["afd"]})",
     "Syntax errors in policy."},
    {"UnknownTopLevelMemberIsSyntaxError",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"},"Extra":"v"})",
     "Syntax errors in policy."},
    {"UnknownStatementMemberIsSyntaxError",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Extra":"v"}})",
     "Syntax errors in policy."},
    {"NonStringIdIsSyntaxError",
     R"({"Version":"2012-10-17","Id":{},"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})",
     "Syntax errors in policy."},
    {"UnknownEffectIsSyntaxError",
     R"({"Version":"2012-10-17","Statement":{"Effect":"invalid","Action":"*","Resource":"*"}})",
     "Syntax errors in policy."},
    {"MissingEffectIsSyntaxError",
     R"({"Version":"2012-10-17","Statement":{"Action":"*","Resource":"*"}})",
     "Syntax errors in policy."},
    {"ActionAndNotActionIsSyntaxError",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:dsf","NotAction":"s3:ListBucket","Resource":"*"}})",
     "Syntax errors in policy."},
    {"ResourceAndNotResourceIsSyntaxError",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","NotResource":"*"}})",
     "Syntax errors in policy."},
    {"ActionObjectIsSyntaxError",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":{},"Resource":"*"}})",
     "Syntax errors in policy."},
    {"NestedActionArrayIsSyntaxError",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":[[]],"Resource":"*"}})",
     "Syntax errors in policy."},
    {"ResourceListWithObjectIsSyntaxError",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":["adfdf",{}]}})",
     "Syntax errors in policy."},
    {"ConditionArrayIsSyntaxError",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":[]}})",
     "Syntax errors in policy."},
    {"ConditionOperatorNotObjectIsSyntaxError",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateGreaterThan":"b"}}})",
     "Syntax errors in policy."},
    {"ConditionValueObjectIsSyntaxError",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateGreaterThan":{"a":{}}}}})",
     "Syntax errors in policy."},
    {"UnknownOperatorWithKeysIsSyntaxError",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"x":{"a":"1"}}}})",
     "Syntax errors in policy."},
    {"DoubleColonSetPrefixIsSyntaxError",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAnyValue::StringEqualsIfExists":{"a":"asf"}}}})",
     "Syntax errors in policy."},
    {"NonStringSidIsSyntaxError",
     R"({"Version":"2012-10-17","Statement":{"Sid":[],"Effect":"Allow","Action":"*","Resource":"*"}})",
     "Syntax errors in policy."},

    // Principals belong in resource policies only.
    {"PrincipalInIdentityPolicyIsRejected",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"*","Resource":"*"}})",
     "Policy document should not specify a principal."},

    // Managed policies need the current language version.
    {"ManagedPolicyWithoutVersionIsRejected",
     R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})",
     "Policy document must be version 2012-10-17 or greater.", PolicyKind::kManaged},
    {"ManagedPolicyWithLegacyVersionIsRejected",
     R"({"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})",
     "Policy document must be version 2012-10-17 or greater.", PolicyKind::kManaged},

    // Legacy parsing.
    {"EffectInWrongCaseFailsLegacyParsing",
     R"({"Version":"2012-10-17","Statement":{"Effect":"denY","Action":"*","Resource":"*"}})",
     "The policy failed legacy parsing"},
    {"BadDateValueFailsLegacyParsing",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateGreaterThan":{"a":"sdfdsf"}}}})",
     "The policy failed legacy parsing"},
    {"MonthThirteenFailsLegacyParsing",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThanEquals":{"a":"234-13"}}}})",
     "The policy failed legacy parsing"},
    {"OneDigitOffsetFailsLegacyParsing",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThanEquals":{"a":"2016-12-13t2:00:00.593194+1"}}}})",
     "The policy failed legacy parsing"},
    {"EpochBeyondInt64FailsLegacyParsing",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThan":{"a":"9223372036854775808"}}}})",
     "The policy failed legacy parsing"},
    {"ShortArnWithDoubleColonFailsLegacyParsing",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3::example_bucket"}})",
     "The policy failed legacy parsing"},
    {"ArnWithoutServiceFailsLegacyParsing",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"s3:ListBucket","Resource":"arn:aws::::example_bucket"}})",
     "The policy failed legacy parsing"},
    {"LegacyParsingComesBeforeMissingActions",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Resource":"arn:aws:s3::example_bucket"}})",
     "The policy failed legacy parsing"},

    // Sids.
    {"DuplicateSidIsRejected",
     R"({"Version":"2012-10-17","Statement":[{"Sid":"sdf","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"sdf","Effect":"Allow"}]})",
     "Statement IDs (SID) in a single policy must be unique."},
    {"SidWithPunctuationIsRejected",
     R"({"Version":"2012-10-17","Statement":{"Sid":"my-sid","Effect":"Allow","Action":"*","Resource":"*"}})",
     "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular "
     "expression [0-9A-Za-z]*"},

    // Actions and resources must be present.
    {"MissingResourceIsRejected",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket"}})",
     "Policy statement must contain resources."},
    {"EmptyResourceListIsRejected",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":[]}})",
     "Policy statement must contain resources."},
    {"MissingResourceReportedBeforeBadAction",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"invalid"}})",
     "Policy statement must contain resources."},
    {"MissingActionIsRejected",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Resource":"*"}})",
     "Policy statement must contain actions."},
    {"EmptyActionListIsRejected",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":[],"Resource":"*"}})",
     "Policy statement must contain actions."},
    {"ActionlessFirstStatementIsRejected",
     R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny"},{"Effect":"Allow","Action":"*","Resource":"*"}]})",
     "Policy statement must contain actions."},

    // Resource formats.
    {"ResourceWithoutColonIsNotArn",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"invalid resource"}})",
     "Resource invalid resource must be in ARN format or \"*\"."},
    {"EmptyResourceIsNotArn",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":""}})",
     "Resource  must be in ARN format or \"*\"."},
    {"UnknownPartitionIsNamed",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"s3s:ListBucket","Resource":"a:b:cadfsdf"}})",
     "Partition \"b\" is not valid for resource \"arn:b:cadfsdf:*:*:*\"."},
    {"ArnMissingArnPrefixNamesPartition",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"aws:s3:::example_bucket"}})",
     "Partition \"s3\" is not valid for resource \"arn:s3:::example_bucket:*\"."},
    {"ArnWithoutVendorIsRejected",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws"}})",
     "Resource vendor must be fully qualified and cannot contain regexes."},
    {"IamArnWithRegionIsRejected",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:iam:us-east-1::example_bucket"}})",
     "IAM resource arn:aws:iam:us-east-1::example_bucket cannot contain region information."},
    {"S3ArnWithRegionIsRejected",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:us-east-1::example_bucket"}})",
     "Resource arn:aws:s3:us-east-1::example_bucket can not contain region information."},
    {"IamArnWithUnknownPathIsRejected",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:iam:::example_bucket"}})",
     "IAM resource path must either be \"*\" or start with user/, federated-user/, role/, "
     "group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, "
     "oidc-provider/, report/, access-report/."},

    // Action prefixes.
    {"ActionWithoutVendorIsRejected",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"invalid","Resource":"*"}})",
     "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."},
    {"EmptyNotActionIsRejected",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"","Resource":"*"}})",
     "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."},
    {"ActionWithTwoColonsIsRejected",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:List:Bucket","Resource":"*"}})",
     "Actions/Condition can contain only one colon."},
    {"VendorWithSpaceIsRejected",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"a a:ListBucket","Resource":"*"}})",
     "Vendor a a is not valid"},
    {"ResourceErrorReportedBeforeActionError",
     R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s:3:ListBucket","Resource":"sdfsadf"}})",
     "Resource sdfsadf must be in ARN format or \"*\"."},
};

void PrintTo(const ParseCase& c, std::ostream* os) { *os << c.rule; }

class PolicyParse : public ::testing::TestWithParam<ParseCase> {};

TEST_P(PolicyParse, MatchesIam) {
  const ParseCase& c = GetParam();
  Result<PolicyPtr> r = parse_policy(c.document, c.kind);
  if (c.message == nullptr) {
    EXPECT_TRUE(r.ok()) << r.error().message;
    return;
  }
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "MalformedPolicyDocument");
  EXPECT_EQ(r.error().http_status, 400);
  EXPECT_EQ(r.error().message, c.message);
}

INSTANTIATE_TEST_SUITE_P(Cases, PolicyParse, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.rule); });

TEST(PolicyParseShape, StatementFieldsAreRead) {
  Result<PolicyPtr> r = parse_policy(
      R"({"Version":"2012-10-17","Statement":[{"Sid":"S1","Effect":"Deny","NotAction":["iam:*","s3:Get*"],"NotResource":"arn:aws:s3:::b","Condition":{"StringEquals":{"AWS:UserName":["a","b"]},"Bool":{"aws:SecureTransport":false}}}]})");
  ASSERT_TRUE(r.ok()) << r.error().message;
  const Policy& p = **r;
  EXPECT_EQ(p.version, "2012-10-17");
  EXPECT_TRUE(p.expands_variables());
  ASSERT_EQ(p.statements.size(), 1u);
  const Statement& s = p.statements[0];
  EXPECT_EQ(s.sid, "S1");
  EXPECT_FALSE(s.allow);
  EXPECT_TRUE(s.not_action);
  EXPECT_EQ(s.actions, (std::vector<std::string>{"iam:*", "s3:Get*"}));
  EXPECT_TRUE(s.not_resource);
  EXPECT_EQ(s.resources, (std::vector<std::string>{"arn:aws:s3:::b"}));
  ASSERT_EQ(s.conditions.size(), 2u);
  EXPECT_EQ(s.conditions[0].op, "Bool");
  EXPECT_EQ(s.conditions[0].key, "aws:securetransport");
  EXPECT_EQ(s.conditions[0].values, (std::vector<std::string>{"false"}));
  EXPECT_EQ(s.conditions[1].key, "aws:username");
  EXPECT_EQ(s.conditions[1].values, (std::vector<std::string>{"a", "b"}));
}

TEST(PolicyParseShape, LegacyVersionDoesNotExpandVariables) {
  Result<PolicyPtr> r =
      parse_policy(R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE((*r)->expands_variables());
}

}  // namespace
}  // namespace opsreg::mocks::policy
