// IAM instance profiles through the edge: creation (AIPA ids, ARNs, name rules), one role at
// most (LimitExceeded), DeleteConflict while a role is in it, listings by path and by role.
#include <gtest/gtest.h>

#include "tests/unit/iam_fixture.h"

namespace opsreg {
namespace {

using testing::error_code;
using testing::xml_text;

class IamInstanceProfiles : public IamTest {
 protected:
  void SetUp() override {
    for (const char* role : {"app-role", "other-role"})
      iam("CreateRole", {{"RoleName", role}, {"AssumeRolePolicyDocument", kEc2Trust}});
  }
  http::Response add(const std::string& profile, const std::string& role) {
    return iam("AddRoleToInstanceProfile", {{"InstanceProfileName", profile}, {"RoleName", role}});
  }
};

TEST_F(IamInstanceProfiles, CreateInstanceProfileReturnsArnAipaIdAndNoRoles) {
  http::Response r =
      iam("CreateInstanceProfile", {{"InstanceProfileName", "app-profile"}, {"Path", "/web/"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//InstanceProfile/InstanceProfileName"), "app-profile");
  EXPECT_EQ(xml_text(r, "//InstanceProfile/Arn"),
            "arn:aws:iam::123456789012:instance-profile/web/app-profile");
  std::string id = xml_text(r, "//InstanceProfile/InstanceProfileId");
  EXPECT_EQ(id.substr(0, 4), "AIPA");
  EXPECT_EQ(id.size(), 21u);
  EXPECT_NE(r.body.find("<Roles"), std::string::npos) << r.body;
  EXPECT_EQ(xml_text(r, "//InstanceProfile/Roles/member/RoleName"), "");
}

TEST_F(IamInstanceProfiles, DuplicateNameIsEntityAlreadyExists) {
  iam("CreateInstanceProfile", {{"InstanceProfileName", "app-profile"}});
  http::Response r = iam("CreateInstanceProfile", {{"InstanceProfileName", "APP-profile"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(error_code(r), "EntityAlreadyExists");
  EXPECT_EQ(message(r), "Instance Profile APP-profile already exists.");
}

TEST_F(IamInstanceProfiles, NameLongerThan128IsValidationError) {
  std::string name(129, 'p');
  http::Response r = iam("CreateInstanceProfile", {{"InstanceProfileName", name}});
  EXPECT_EQ(error_code(r), "ValidationError");
  EXPECT_EQ(message(r), "1 validation error detected: Value '" + name +
                            "' at 'instanceProfileName' failed to satisfy constraint: Member "
                            "must have length less than or equal to 128");
}

TEST_F(IamInstanceProfiles, GetUnknownInstanceProfileIsNoSuchEntity) {
  http::Response r = iam("GetInstanceProfile", {{"InstanceProfileName", "ghost"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_code(r), "NoSuchEntity");
  EXPECT_EQ(message(r), "Instance Profile ghost cannot be found.");
}

TEST_F(IamInstanceProfiles, AddedRoleAppearsInGetInstanceProfile) {
  iam("CreateInstanceProfile", {{"InstanceProfileName", "app-profile"}});
  ASSERT_EQ(add("app-profile", "app-role").status, 200);
  http::Response r = iam("GetInstanceProfile", {{"InstanceProfileName", "app-profile"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//InstanceProfile/Roles/member/RoleName"), "app-role");
  EXPECT_EQ(xml_text(r, "//InstanceProfile/Roles/member/Arn"),
            "arn:aws:iam::123456789012:role/app-role");
}

TEST_F(IamInstanceProfiles, SecondRoleIsLimitExceeded) {
  iam("CreateInstanceProfile", {{"InstanceProfileName", "app-profile"}});
  add("app-profile", "app-role");
  for (const char* role : {"other-role", "app-role"}) {
    http::Response r = add("app-profile", role);
    EXPECT_EQ(r.status, 409);
    EXPECT_EQ(error_code(r), "LimitExceeded");
    EXPECT_EQ(message(r), "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
  }
}

TEST_F(IamInstanceProfiles, AddUnknownRoleIsNoSuchEntity) {
  iam("CreateInstanceProfile", {{"InstanceProfileName", "app-profile"}});
  http::Response r = add("app-profile", "ghost");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(message(r), "The role with name ghost cannot be found.");
}

TEST_F(IamInstanceProfiles, DeleteInstanceProfileHoldingARoleIsDeleteConflict) {
  iam("CreateInstanceProfile", {{"InstanceProfileName", "app-profile"}});
  add("app-profile", "app-role");
  http::Response r = iam("DeleteInstanceProfile", {{"InstanceProfileName", "app-profile"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(error_code(r), "DeleteConflict");
  EXPECT_EQ(message(r), "Cannot delete entity, must remove roles from instance profile first.");
}

TEST_F(IamInstanceProfiles, RemoveRoleThenDeleteBoth) {
  iam("CreateInstanceProfile", {{"InstanceProfileName", "app-profile"}});
  add("app-profile", "app-role");
  ASSERT_EQ(iam("RemoveRoleFromInstanceProfile",
                {{"InstanceProfileName", "app-profile"}, {"RoleName", "app-role"}})
                .status,
            200);
  EXPECT_EQ(iam("DeleteInstanceProfile", {{"InstanceProfileName", "app-profile"}}).status, 200);
  EXPECT_EQ(iam("DeleteRole", {{"RoleName", "app-role"}}).status, 200);
}

TEST_F(IamInstanceProfiles, RemoveRoleTheProfileDoesNotHoldIsNoSuchEntity) {
  iam("CreateInstanceProfile", {{"InstanceProfileName", "app-profile"}});
  http::Response r = iam("RemoveRoleFromInstanceProfile",
                         {{"InstanceProfileName", "app-profile"}, {"RoleName", "app-role"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_code(r), "NoSuchEntity");
}

TEST_F(IamInstanceProfiles, ListInstanceProfilesForRoleNamesTheProfilesHoldingIt) {
  for (const char* p : {"b-profile", "a-profile", "c-profile"})
    iam("CreateInstanceProfile", {{"InstanceProfileName", p}});
  add("b-profile", "app-role");
  add("a-profile", "app-role");
  add("c-profile", "other-role");
  http::Response r =
      iam("ListInstanceProfilesForRole", {{"RoleName", "app-role"}, {"MaxItems", "1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//InstanceProfiles/member/InstanceProfileName"), "a-profile");
  EXPECT_EQ(xml_text(r, "//ListInstanceProfilesForRoleResult/IsTruncated"), "true");
  r = iam("ListInstanceProfilesForRole",
          {{"RoleName", "app-role"},
           {"Marker", xml_text(r, "//ListInstanceProfilesForRoleResult/Marker")}});
  EXPECT_EQ(xml_text(r, "//InstanceProfiles/member/InstanceProfileName"), "b-profile");
  EXPECT_EQ(xml_text(r, "//InstanceProfiles/member/Roles/member/RoleName"), "app-role");
}

TEST_F(IamInstanceProfiles, ListInstanceProfilesForUnknownRoleIsNoSuchEntity) {
  http::Response r = iam("ListInstanceProfilesForRole", {{"RoleName", "ghost"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(message(r), "The role with name ghost cannot be found.");
}

TEST_F(IamInstanceProfiles, ListInstanceProfilesFiltersByPathPrefix) {
  iam("CreateInstanceProfile", {{"InstanceProfileName", "web-profile"}, {"Path", "/web/"}});
  iam("CreateInstanceProfile", {{"InstanceProfileName", "db-profile"}, {"Path", "/db/"}});
  http::Response r = iam("ListInstanceProfiles", {{"PathPrefix", "/web/"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//InstanceProfiles/member/InstanceProfileName"), "web-profile");
  EXPECT_EQ(r.body.find("db-profile"), std::string::npos);
}

}  // namespace
}  // namespace opsreg
