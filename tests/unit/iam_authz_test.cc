// IAM authorization through the edge: every action is checked against the caller's identity
// policies (inline, attached AWS managed, via groups), as given by a world file's identities.
#include <gtest/gtest.h>

#include "mocks/iam/aws_managed.h"
#include "mocks/policy/policy.h"
#include "tests/support/edge_client.h"

namespace opsreg {
namespace {

using testing::error_code;
using testing::xml_text;

nlohmann::json world_with(nlohmann::json identity) {
  nlohmann::json w = nlohmann::json::parse(R"({"account_id": "123456789012",
    "clock": "2026-01-01T00:00:00Z", "identities": []})");
  identity["access_key_id"] = "AKIAOPSREGIDENTITY01";
  identity["secret_access_key"] = "identity/secret/key/0000000000000000000000";
  w["identities"].push_back(identity);
  return w;
}

aws::Credentials identity_creds() {
  return {"AKIAOPSREGIDENTITY01", "identity/secret/key/0000000000000000000000", ""};
}

TEST(IamAuthz, EveryCataloguePolicyParsesAsAManagedPolicy) {
  for (const auto& def : mocks::iam::aws_managed_policies()) {
    auto parsed = mocks::policy::parse_policy(def.document, mocks::policy::PolicyKind::kManaged);
    EXPECT_TRUE(parsed.ok()) << def.name << ": " << parsed.error().message;
  }
}

TEST(IamAuthz, UserWithoutPoliciesIsAccessDenied403) {
  testing::TestWorld tw(world_with({{"user_name", "operator"}}));
  testing::EdgeClient client(*tw.edge, identity_creds());
  http::Response r = client.query("iam", "CreateUser", {{"UserName", "alice"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "AccessDenied");
  EXPECT_EQ(xml_text(r, "//Error/Message"),
            "User: arn:aws:iam::123456789012:user/operator is not authorized to perform: "
            "iam:CreateUser on resource: arn:aws:iam::123456789012:user/alice because no "
            "identity-based policy allows the iam:CreateUser action");
  EXPECT_FALSE(tw.world->iam().get_user("alice").ok());
}

TEST(IamAuthz, InlinePolicyAllowsExactlyItsActions) {
  testing::TestWorld tw(
      world_with({{"user_name", "operator"},
                  {"policies",
                   {{"users",
                     {{"Version", "2012-10-17"},
                      {"Statement",
                       {{{"Effect", "Allow"},
                         {"Action", {"iam:CreateUser", "iam:GetUser"}},
                         {"Resource", "arn:aws:iam::123456789012:user/*"}}}}}}}}}));
  testing::EdgeClient client(*tw.edge, identity_creds());
  EXPECT_EQ(client.query("iam", "CreateUser", {{"UserName", "alice"}}).status, 200);
  EXPECT_EQ(client.query("iam", "GetUser", {{"UserName", "alice"}}).status, 200);
  http::Response r = client.query("iam", "DeleteUser", {{"UserName", "alice"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "AccessDenied");
}

TEST(IamAuthz, GetUserWithoutNameAsUserReturnsTheCaller) {
  testing::TestWorld tw(
      world_with({{"user_name", "operator"},
                  {"path", "/ops/"},
                  {"managed_policies", {"arn:aws:iam::aws:policy/IAMReadOnlyAccess"}}}));
  testing::EdgeClient client(*tw.edge, identity_creds());
  http::Response r = client.query("iam", "GetUser");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//GetUserResult/User/UserName"), "operator");
  EXPECT_EQ(xml_text(r, "//GetUserResult/User/Arn"), "arn:aws:iam::123456789012:user/ops/operator");
  // Its own keys, without naming itself.
  EXPECT_EQ(xml_text(client.query("iam", "ListAccessKeys"), "//member/AccessKeyId"),
            "AKIAOPSREGIDENTITY01");
}

TEST(IamAuthz, ReadOnlyManagedPolicyAllowsListButNotCreate) {
  testing::TestWorld tw(
      world_with({{"user_name", "auditor"},
                  {"managed_policies", {"arn:aws:iam::aws:policy/IAMReadOnlyAccess"}}}));
  testing::EdgeClient client(*tw.edge, identity_creds());
  http::Response list = client.query("iam", "ListUsers");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(xml_text(list, "//Users/member/UserName"), "auditor");
  http::Response r = client.query("iam", "CreateAccessKey");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "AccessDenied");
}

TEST(IamAuthz, ListUsersIsAuthorizedOnThePathArn) {
  testing::TestWorld tw(world_with({{"user_name", "operator"}}));
  testing::EdgeClient client(*tw.edge, identity_creds());
  http::Response r = client.query("iam", "ListUsers", {{"PathPrefix", "/ops/"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(xml_text(r, "//Error/Message")
                .find("iam:ListUsers on resource: arn:aws:iam::123456789012:user/ops/"),
            std::string::npos)
      << r.body;
}

TEST(IamAuthz, GroupMembershipGrantsTheGroupsPolicies) {
  testing::TestWorld tw(world_with({{"user_name", "operator"}, {"groups", {"admins"}}}));
  ASSERT_TRUE(
      tw.world->iam().attach_group_policy("admins", "arn:aws:iam::aws:policy/IAMFullAccess").ok());
  testing::EdgeClient client(*tw.edge, identity_creds());
  EXPECT_EQ(client.query("iam", "CreateGroup", {{"GroupName", "more"}}).status, 200);
  http::Response groups = client.query("iam", "ListGroupsForUser", {{"UserName", "operator"}});
  EXPECT_EQ(xml_text(groups, "//Groups/member/GroupName"), "admins");
}

TEST(IamAuthz, ExplicitDenyBeatsAdministratorAccess) {
  testing::TestWorld tw(world_with(
      {{"user_name", "operator"},
       {"managed_policies", {"arn:aws:iam::aws:policy/AdministratorAccess"}},
       {"policies",
        {{"no-delete",
          {{"Version", "2012-10-17"},
           {"Statement",
            {{{"Effect", "Deny"}, {"Action", "iam:DeleteUser"}, {"Resource", "*"}}}}}}}}}));
  testing::EdgeClient client(*tw.edge, identity_creds());
  ASSERT_EQ(client.query("iam", "CreateUser", {{"UserName", "alice"}}).status, 200);
  http::Response r = client.query("iam", "DeleteUser", {{"UserName", "alice"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(xml_text(r, "//Error/Message").find("with an explicit deny"), std::string::npos);
}

TEST(IamAuthz, WorldFileWithUnknownManagedPolicyIsRejected) {
  auto w = mocks::World::from_json(
      world_with({{"user_name", "operator"},
                  {"managed_policies", {"arn:aws:iam::aws:policy/NoSuchPolicy"}}}),
      mocks::ClockMode::kVirtual);
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.error().message.find("does not exist or is not attachable"), std::string::npos);
}

}  // namespace
}  // namespace opsreg
