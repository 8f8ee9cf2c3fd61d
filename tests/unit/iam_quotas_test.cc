// IAM's account quotas through the edge: each one reached is LimitExceeded (409) with IAM's
// "Cannot exceed quota for NAME: N", AWS's defaults unless the world sets its own, and a world
// file's bad quota is named.
#include <gtest/gtest.h>

#include "mocks/base/world_settings.h"
#include "tests/unit/iam_fixture.h"

namespace opsreg {
namespace {

using testing::error_code;

// A world whose every IAM quota is 1.
nlohmann::json tight_world() {
  return {{"settings",
           {{"iam_quotas",
             {{"users", 1},
              {"groups", 1},
              {"roles", 1},
              {"instance_profiles", 1},
              {"groups_per_user", 1},
              {"policies_per_user", 1},
              {"policies_per_role", 1},
              {"policies_per_group", 1}}}}}};
}

class IamQuotas : public ::testing::Test {
 protected:
  http::Response iam(const std::string& action, const aws::Params& params) {
    return client.query("iam", action, params);
  }
  void expect_quota(const http::Response& r, const std::string& quota) {
    EXPECT_EQ(r.status, 409) << r.body;
    EXPECT_EQ(error_code(r), "LimitExceeded");
    EXPECT_EQ(testing::xml_text(r, "//Error/Message"), "Cannot exceed quota for " + quota + ": 1");
  }
  testing::TestWorld tw{tight_world()};
  testing::EdgeClient client{*tw.edge, tw.world->operator_credentials()};
};

TEST_F(IamQuotas, AccountQuotasStopTheNextEntity) {
  ASSERT_EQ(iam("CreateUser", {{"UserName", "a"}}).status, 200);
  expect_quota(iam("CreateUser", {{"UserName", "b"}}), "UsersPerAccount");
  // The existing name is still EntityAlreadyExists, not the quota.
  EXPECT_EQ(error_code(iam("CreateUser", {{"UserName", "a"}})), "EntityAlreadyExists");
  ASSERT_EQ(iam("CreateGroup", {{"GroupName", "g"}}).status, 200);
  expect_quota(iam("CreateGroup", {{"GroupName", "h"}}), "GroupsPerAccount");
  ASSERT_EQ(iam("CreateRole", {{"RoleName", "r"}, {"AssumeRolePolicyDocument", kEc2Trust}}).status,
            200);
  expect_quota(iam("CreateRole", {{"RoleName", "s"}, {"AssumeRolePolicyDocument", kEc2Trust}}),
               "RolesPerAccount");
  ASSERT_EQ(iam("CreateInstanceProfile", {{"InstanceProfileName", "p"}}).status, 200);
  expect_quota(iam("CreateInstanceProfile", {{"InstanceProfileName", "q"}}),
               "InstanceProfilesPerAccount");
  // Deleting one makes room again.
  ASSERT_EQ(iam("DeleteUser", {{"UserName", "a"}}).status, 200);
  EXPECT_EQ(iam("CreateUser", {{"UserName", "b"}}).status, 200);
}

TEST_F(IamQuotas, AttachmentQuotasCountWhatIsAttached) {
  const std::string other = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";
  ASSERT_EQ(iam("CreateUser", {{"UserName", "a"}}).status, 200);
  ASSERT_EQ(iam("AttachUserPolicy", {{"UserName", "a"}, {"PolicyArn", kRegistration}}).status, 200);
  // Attaching the same policy again changes nothing and is no new attachment.
  EXPECT_EQ(iam("AttachUserPolicy", {{"UserName", "a"}, {"PolicyArn", kRegistration}}).status, 200);
  expect_quota(iam("AttachUserPolicy", {{"UserName", "a"}, {"PolicyArn", other}}),
               "PoliciesPerUser");
  ASSERT_EQ(iam("CreateRole", {{"RoleName", "r"}, {"AssumeRolePolicyDocument", kEc2Trust}}).status,
            200);
  ASSERT_EQ(iam("AttachRolePolicy", {{"RoleName", "r"}, {"PolicyArn", kRegistration}}).status, 200);
  expect_quota(iam("AttachRolePolicy", {{"RoleName", "r"}, {"PolicyArn", other}}),
               "PoliciesPerRole");
  ASSERT_EQ(iam("CreateGroup", {{"GroupName", "g"}}).status, 200);
  ASSERT_EQ(iam("AddUserToGroup", {{"GroupName", "g"}, {"UserName", "a"}}).status, 200);
  EXPECT_EQ(iam("AddUserToGroup", {{"GroupName", "g"}, {"UserName", "a"}}).status, 200);
}

TEST(IamGroupsPerUser, AUserJoinsAtMostItsQuotaOfGroups) {
  testing::TestWorld tw(nlohmann::json{{"settings", {{"iam_quotas", {{"groups_per_user", 1}}}}}});
  testing::EdgeClient client{*tw.edge, tw.world->operator_credentials()};
  auto iam = [&](const std::string& action, const aws::Params& params) {
    return client.query("iam", action, params);
  };
  ASSERT_EQ(iam("CreateUser", {{"UserName", "a"}}).status, 200);
  ASSERT_EQ(iam("CreateGroup", {{"GroupName", "g"}}).status, 200);
  ASSERT_EQ(iam("CreateGroup", {{"GroupName", "h"}}).status, 200);
  ASSERT_EQ(iam("AddUserToGroup", {{"GroupName", "g"}, {"UserName", "a"}}).status, 200);
  http::Response r = iam("AddUserToGroup", {{"GroupName", "h"}, {"UserName", "a"}});
  EXPECT_EQ(error_code(r), "LimitExceeded");
  EXPECT_EQ(testing::xml_text(r, "//Error/Message"), "Cannot exceed quota for GroupsPerUser: 1");
}

TEST(IamQuotaDefaults, AreAwsDefaultsAndAWorldFileNamesABadOne) {
  mocks::IamQuotas defaults;
  EXPECT_EQ(defaults.users, 5000);
  EXPECT_EQ(defaults.groups, 300);
  EXPECT_EQ(defaults.roles, 1000);
  EXPECT_EQ(defaults.groups_per_user, 10);
  EXPECT_EQ(defaults.policies_per_user, 10);
  auto bad = mocks::parse_world_settings({{"iam_quotas", {{"userz", 3}}}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("unknown quota userz"), std::string::npos);
  bad = mocks::parse_world_settings({{"iam_quotas", {{"users", -1}}}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("users must be an integer from 0"), std::string::npos);
}

}  // namespace
}  // namespace opsreg
