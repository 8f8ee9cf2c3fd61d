// IAM user policies through the edge: managed policy attachment (the AWS managed catalogue)
// and inline policies (stored parsed, returned URL-encoded, IAM's size quota).
#include <gtest/gtest.h>

#include "core/aws/uri.h"
#include "tests/unit/iam_fixture.h"

namespace opsreg {
namespace {

using testing::error_code;
using testing::xml_text;

class IamPolicies : public IamTest {
 protected:
  void SetUp() override { iam("CreateUser", {{"UserName", "alice"}}); }
};

TEST_F(IamPolicies, AttachAwsManagedPolicyListsIt) {
  ASSERT_EQ(iam("AttachUserPolicy", {{"UserName", "alice"}, {"PolicyArn", kRegistration}}).status,
            200);
  http::Response r = iam("ListAttachedUserPolicies", {{"UserName", "alice"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//AttachedPolicies/member/PolicyName"), "AWSOpsWorksInstanceRegistration");
  EXPECT_EQ(xml_text(r, "//AttachedPolicies/member/PolicyArn"), kRegistration);
  EXPECT_EQ(xml_text(r, "//ListAttachedUserPoliciesResult/IsTruncated"), "false");
}

TEST_F(IamPolicies, AttachUnknownPolicyIsNoSuchEntity) {
  http::Response r = iam("AttachUserPolicy",
                         {{"UserName", "alice"}, {"PolicyArn", "arn:aws:iam::aws:policy/NoSuch"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_code(r), "NoSuchEntity");
  EXPECT_EQ(message(r),
            "Policy arn:aws:iam::aws:policy/NoSuch does not exist or is not attachable.");
}

TEST_F(IamPolicies, DetachPolicyThatIsNotAttachedIsNoSuchEntity) {
  http::Response r = iam("DetachUserPolicy", {{"UserName", "alice"}, {"PolicyArn", kRegistration}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_code(r), "NoSuchEntity");
  EXPECT_EQ(message(r), std::string("Policy ") + kRegistration + " was not found.");
}

TEST_F(IamPolicies, DetachUserPolicyThenDeleteUserSucceeds) {
  iam("AttachUserPolicy", {{"UserName", "alice"}, {"PolicyArn", kRegistration}});
  ASSERT_EQ(iam("DetachUserPolicy", {{"UserName", "alice"}, {"PolicyArn", kRegistration}}).status,
            200);
  EXPECT_EQ(xml_text(iam("ListAttachedUserPolicies", {{"UserName", "alice"}}), "//member"), "");
  EXPECT_EQ(iam("DeleteUser", {{"UserName", "alice"}}).status, 200);
}

TEST_F(IamPolicies, EveryCataloguePolicyIsAttachable) {
  for (const char* name :
       {"AdministratorAccess", "IAMFullAccess", "IAMReadOnlyAccess", "AmazonS3ReadOnlyAccess",
        "AWSOpsWorks_FullAccess", "AWSOpsWorksInstanceRegistration"}) {
    EXPECT_EQ(
        iam("AttachUserPolicy",
            {{"UserName", "alice"}, {"PolicyArn", std::string("arn:aws:iam::aws:policy/") + name}})
            .status,
        200)
        << name;
  }
}

TEST_F(IamPolicies, PutUserPolicyThenGetReturnsTheDocumentUrlEncoded) {
  http::Response put =
      iam("PutUserPolicy",
          {{"UserName", "alice"}, {"PolicyName", "read-iam"}, {"PolicyDocument", kReadIam}});
  ASSERT_EQ(put.status, 200) << put.body;
  http::Response r = iam("GetUserPolicy", {{"UserName", "alice"}, {"PolicyName", "read-iam"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//GetUserPolicyResult/UserName"), "alice");
  EXPECT_EQ(xml_text(r, "//GetUserPolicyResult/PolicyName"), "read-iam");
  std::string encoded = xml_text(r, "//GetUserPolicyResult/PolicyDocument");
  EXPECT_TRUE(encoded.starts_with("%7B%22Version%22")) << encoded;
  EXPECT_EQ(aws::uri_decode(encoded), kReadIam);
}

TEST_F(IamPolicies, ListUserPoliciesNamesInlinePolicies) {
  for (const char* name : {"b-policy", "a-policy"})
    iam("PutUserPolicy",
        {{"UserName", "alice"}, {"PolicyName", name}, {"PolicyDocument", kReadIam}});
  http::Response r = iam("ListUserPolicies", {{"UserName", "alice"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//PolicyNames/member[1]"), "a-policy");
  EXPECT_EQ(xml_text(r, "//PolicyNames/member[2]"), "b-policy");
  EXPECT_EQ(xml_text(r, "//ListUserPoliciesResult/IsTruncated"), "false");
}

TEST_F(IamPolicies, GetUnknownUserPolicyIsNoSuchEntity) {
  http::Response r = iam("GetUserPolicy", {{"UserName", "alice"}, {"PolicyName", "nope"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_code(r), "NoSuchEntity");
  EXPECT_EQ(message(r), "The user policy with name nope cannot be found.");
}

TEST_F(IamPolicies, DeleteUnknownUserPolicyIsNoSuchEntity) {
  http::Response r = iam("DeleteUserPolicy", {{"UserName", "alice"}, {"PolicyName", "nope"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(message(r), "The user policy with name nope cannot be found.");
}

TEST_F(IamPolicies, PolicyNameWithSlashIsValidationError) {
  http::Response r =
      iam("PutUserPolicy",
          {{"UserName", "alice"}, {"PolicyName", "a/b"}, {"PolicyDocument", kReadIam}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "ValidationError");
  EXPECT_EQ(message(r),
            "1 validation error detected: Value 'a/b' at 'policyName' failed to satisfy "
            "constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
}

TEST_F(IamPolicies, MalformedDocumentIsMalformedPolicyDocument) {
  http::Response r =
      iam("PutUserPolicy",
          {{"UserName", "alice"}, {"PolicyName", "broken"}, {"PolicyDocument", "{not json"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "MalformedPolicyDocument");
  EXPECT_EQ(error_code(iam("GetUserPolicy", {{"UserName", "alice"}, {"PolicyName", "broken"}})),
            "NoSuchEntity");
}

TEST_F(IamPolicies, InlinePoliciesOver2048CharactersAreLimitExceeded) {
  // Each document is ~1,100 non-white-space characters: one fits, two exceed the user quota.
  std::string actions;
  for (int i = 0; i < 75; ++i) actions += (i ? "," : "") + std::string("\"iam:GetUser") + "\"";
  std::string big = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[)" +
                    actions + R"(],"Resource":"*"}]})";
  ASSERT_GT(big.size(), 1024u);
  ASSERT_LT(big.size(), 2048u);
  ASSERT_EQ(
      iam("PutUserPolicy", {{"UserName", "alice"}, {"PolicyName", "one"}, {"PolicyDocument", big}})
          .status,
      200);
  http::Response r =
      iam("PutUserPolicy", {{"UserName", "alice"}, {"PolicyName", "two"}, {"PolicyDocument", big}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(error_code(r), "LimitExceeded");
  EXPECT_EQ(message(r), "Maximum policy size of 2048 bytes exceeded for user alice");
  // Replacing a policy counts only its new size.
  EXPECT_EQ(
      iam("PutUserPolicy", {{"UserName", "alice"}, {"PolicyName", "one"}, {"PolicyDocument", big}})
          .status,
      200);
}

TEST_F(IamPolicies, WhiteSpaceDoesNotCountTowardsThePolicySize) {
  std::string padded = std::string(3000, ' ') + kReadIam;
  EXPECT_EQ(iam("PutUserPolicy",
                {{"UserName", "alice"}, {"PolicyName", "padded"}, {"PolicyDocument", padded}})
                .status,
            200);
}

TEST_F(IamPolicies, DeleteUserWithInlinePolicyIsDeleteConflict) {
  iam("PutUserPolicy", {{"UserName", "alice"}, {"PolicyName", "p"}, {"PolicyDocument", kReadIam}});
  http::Response r = iam("DeleteUser", {{"UserName", "alice"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(error_code(r), "DeleteConflict");
  EXPECT_EQ(message(r), "Cannot delete entity, must delete policies first.");
  ASSERT_EQ(iam("DeleteUserPolicy", {{"UserName", "alice"}, {"PolicyName", "p"}}).status, 200);
  EXPECT_EQ(iam("DeleteUser", {{"UserName", "alice"}}).status, 200);
}

}  // namespace
}  // namespace opsreg
