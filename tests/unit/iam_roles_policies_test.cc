// A role's permissions policies through the edge: the same rules as a user's (managed policies
// from the AWS catalogue, inline documents parsed as IAM parses them and returned URL-encoded),
// with the role's names in errors and its 10,240-character inline quota.
#include <gtest/gtest.h>

#include "core/aws/uri.h"
#include "tests/unit/iam_fixture.h"

namespace opsreg {
namespace {

using testing::error_code;
using testing::xml_text;

class IamRolePolicies : public IamTest {
 protected:
  void SetUp() override {
    iam("CreateRole", {{"RoleName", "app-role"}, {"AssumeRolePolicyDocument", kEc2Trust}});
  }
};

TEST_F(IamRolePolicies, AttachAwsManagedPolicyListsIt) {
  ASSERT_EQ(
      iam("AttachRolePolicy", {{"RoleName", "app-role"}, {"PolicyArn", kRegistration}}).status,
      200);
  http::Response r = iam("ListAttachedRolePolicies", {{"RoleName", "app-role"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//AttachedPolicies/member/PolicyName"), "AWSOpsWorksInstanceRegistration");
  EXPECT_EQ(xml_text(r, "//AttachedPolicies/member/PolicyArn"), kRegistration);
  EXPECT_EQ(xml_text(r, "//ListAttachedRolePoliciesResult/IsTruncated"), "false");
}

TEST_F(IamRolePolicies, AttachUnknownPolicyIsNoSuchEntity) {
  http::Response r = iam("AttachRolePolicy", {{"RoleName", "app-role"},
                                              {"PolicyArn", "arn:aws:iam::aws:policy/NoSuch"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_code(r), "NoSuchEntity");
  EXPECT_EQ(message(r),
            "Policy arn:aws:iam::aws:policy/NoSuch does not exist or is not attachable.");
}

TEST_F(IamRolePolicies, AttachToUnknownRoleIsNoSuchEntity) {
  http::Response r = iam("AttachRolePolicy", {{"RoleName", "ghost"}, {"PolicyArn", kRegistration}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(message(r), "The role with name ghost cannot be found.");
}

TEST_F(IamRolePolicies, DetachPolicyThatIsNotAttachedIsNoSuchEntity) {
  http::Response r =
      iam("DetachRolePolicy", {{"RoleName", "app-role"}, {"PolicyArn", kRegistration}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(message(r), std::string("Policy ") + kRegistration + " was not found.");
}

TEST_F(IamRolePolicies, PutThenGetRolePolicyReturnsTheDocumentUrlEncoded) {
  ASSERT_EQ(iam("PutRolePolicy",
                {{"RoleName", "app-role"}, {"PolicyName", "read"}, {"PolicyDocument", kReadIam}})
                .status,
            200);
  http::Response r = iam("GetRolePolicy", {{"RoleName", "APP-ROLE"}, {"PolicyName", "read"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//GetRolePolicyResult/RoleName"), "app-role");
  EXPECT_EQ(xml_text(r, "//GetRolePolicyResult/PolicyName"), "read");
  EXPECT_EQ(xml_text(r, "//GetRolePolicyResult/PolicyDocument"), aws::uri_encode(kReadIam));
  r = iam("ListRolePolicies", {{"RoleName", "app-role"}});
  EXPECT_EQ(xml_text(r, "//PolicyNames/member"), "read");
}

TEST_F(IamRolePolicies, PutRolePolicyThatIsNotJsonIsMalformedPolicyDocument) {
  http::Response r = iam("PutRolePolicy",
                         {{"RoleName", "app-role"}, {"PolicyName", "p"}, {"PolicyDocument", "{"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "MalformedPolicyDocument");
  EXPECT_EQ(message(r), "Syntax errors in policy.");
}

TEST_F(IamRolePolicies, GetUnknownRolePolicyIsNoSuchEntity) {
  http::Response r = iam("GetRolePolicy", {{"RoleName", "app-role"}, {"PolicyName", "nope"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_code(r), "NoSuchEntity");
  EXPECT_EQ(message(r), "The role policy with name nope cannot be found.");
}

TEST_F(IamRolePolicies, DeleteRolePolicyRemovesIt) {
  iam("PutRolePolicy",
      {{"RoleName", "app-role"}, {"PolicyName", "read"}, {"PolicyDocument", kReadIam}});
  ASSERT_EQ(iam("DeleteRolePolicy", {{"RoleName", "app-role"}, {"PolicyName", "read"}}).status,
            200);
  EXPECT_EQ(xml_text(iam("ListRolePolicies", {{"RoleName", "app-role"}}), "//PolicyNames/member"),
            "");
  EXPECT_EQ(iam("DeleteRole", {{"RoleName", "app-role"}}).status, 200);
}

TEST_F(IamRolePolicies, InlinePoliciesOverTenThousandCharactersAreLimitExceeded) {
  std::string actions;
  for (int i = 0; i < 700; ++i)
    actions += (i ? ",\"iam:GetUser" : "\"iam:GetUser") + std::to_string(i) + "\"";
  std::string big = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[)" +
                    actions + R"(],"Resource":"*"}]})";
  ASSERT_GT(big.size(), 10240u);
  http::Response r = iam(
      "PutRolePolicy", {{"RoleName", "app-role"}, {"PolicyName", "big"}, {"PolicyDocument", big}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(error_code(r), "LimitExceeded");
  EXPECT_EQ(message(r), "Maximum policy size of 10240 bytes exceeded for role app-role");
}

}  // namespace
}  // namespace opsreg
