// World files' "roles": roles with trust policies, permissions and instance profiles, checked as
// IAM checks them, and the default world's OpsWorks instance role.
#include <gtest/gtest.h>

#include "tests/support/edge_client.h"

namespace opsreg {
namespace {

Result<std::unique_ptr<mocks::World>> world_with_roles(const nlohmann::json& roles) {
  return mocks::World::from_json({{"roles", roles}}, mocks::ClockMode::kVirtual);
}

TEST(WorldRoles, DefaultWorldHasTheOpsWorksInstanceRoleInItsInstanceProfile) {
  testing::TestWorld tw;
  auto role = tw.world->iam().get_role("opsworks-instance-role");
  ASSERT_TRUE(role.ok()) << role.error().message;
  EXPECT_EQ(role->arn, "arn:aws:iam::123456789012:role/opsworks-instance-role");
  EXPECT_TRUE(
      role->attached_policies.contains("arn:aws:iam::aws:policy/AWSOpsWorksInstanceRegistration"));
  auto profile = tw.world->iam().get_instance_profile("opsworks-instance-role");
  ASSERT_TRUE(profile.ok()) << profile.error().message;
  ASSERT_EQ(profile->roles.size(), 1u);
  EXPECT_EQ(profile->roles[0].role_name, "opsworks-instance-role");
}

TEST(WorldRoles, RoleWithoutTrustPolicyTrustsEc2) {
  auto w = world_with_roles({{{"role_name", "web"}}});
  ASSERT_TRUE(w.ok()) << w.error().message;
  auto role = (*w)->iam().get_role("web");
  ASSERT_TRUE(role.ok());
  EXPECT_NE(role->assume_role_policy_document.find("ec2.amazonaws.com"), std::string::npos);
}

TEST(WorldRoles, InlinePoliciesAreLoaded) {
  nlohmann::json doc = {
      {"Version", "2012-10-17"},
      {"Statement", {{{"Effect", "Allow"}, {"Action", "s3:GetObject"}, {"Resource", "*"}}}}};
  auto w = world_with_roles({{{"role_name", "web"}, {"policies", {{"read", doc}}}}});
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_TRUE((*w)->iam().get_role_policy("web", "read").ok());
}

TEST(WorldRoles, UnknownKeyIsRefused) {
  auto w = world_with_roles({{{"role_name", "web"}, {"instance_profiles", "web"}}});
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().message, "world file: role web: unknown key \"instance_profiles\"");
}

TEST(WorldRoles, UnknownManagedPolicyIsRefused) {
  auto w = world_with_roles(
      {{{"role_name", "web"}, {"managed_policies", {"arn:aws:iam::aws:policy/NoSuch"}}}});
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().message,
            "world file: role web, managed policy arn:aws:iam::aws:policy/NoSuch: Policy "
            "arn:aws:iam::aws:policy/NoSuch does not exist or is not attachable.");
}

TEST(WorldRoles, TwoRolesInOneInstanceProfileAreRefused) {
  auto w = world_with_roles({{{"role_name", "a"}, {"instance_profile", "shared"}},
                             {{"role_name", "b"}, {"instance_profile", "shared"}}});
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().message,
            "world file: role b, instance profile shared: Cannot exceed quota for "
            "InstanceSessionsPerInstanceProfile: 1");
}

}  // namespace
}  // namespace opsreg
