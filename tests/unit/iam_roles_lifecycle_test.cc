// IAM roles through the edge: CreateRole (name, path, trust policy and MaxSessionDuration rules,
// ARNs and AROA ids), GetRole, ListRoles (PathPrefix, paging) and DeleteRole's conflicts.
#include <gtest/gtest.h>

#include "core/aws/uri.h"
#include "tests/unit/iam_fixture.h"

namespace opsreg {
namespace {

using testing::error_code;
using testing::xml_text;

class IamRoles : public IamTest {
 protected:
  http::Response create_role(const std::string& name, const std::string& trust = kEc2Trust,
                             aws::Params extra = {}) {
    extra.emplace_back("RoleName", name);
    extra.emplace_back("AssumeRolePolicyDocument", trust);
    return iam("CreateRole", extra);
  }
};

TEST_F(IamRoles, CreateRoleReturnsArnAroaIdAndTheTrustPolicyUrlEncoded) {
  http::Response r = create_role("app-role", kEc2Trust, {{"Path", "/service/"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//CreateRoleResult/Role/RoleName"), "app-role");
  EXPECT_EQ(xml_text(r, "//CreateRoleResult/Role/Path"), "/service/");
  EXPECT_EQ(xml_text(r, "//CreateRoleResult/Role/Arn"),
            "arn:aws:iam::123456789012:role/service/app-role");
  std::string id = xml_text(r, "//CreateRoleResult/Role/RoleId");
  EXPECT_EQ(id.substr(0, 4), "AROA");
  EXPECT_EQ(id.size(), 21u);
  EXPECT_EQ(xml_text(r, "//Role/AssumeRolePolicyDocument"), aws::uri_encode(kEc2Trust));
  EXPECT_EQ(xml_text(r, "//Role/MaxSessionDuration"), "3600");
}

TEST_F(IamRoles, GetRoleReturnsTheRoleAndRoleLastUsed) {
  create_role("app-role", kEc2Trust, {{"Description", "the app"}, {"MaxSessionDuration", "7200"}});
  http::Response r = iam("GetRole", {{"RoleName", "APP-ROLE"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//GetRoleResult/Role/RoleName"), "app-role");
  EXPECT_EQ(xml_text(r, "//GetRoleResult/Role/Description"), "the app");
  EXPECT_EQ(xml_text(r, "//GetRoleResult/Role/MaxSessionDuration"), "7200");
  EXPECT_NE(r.body.find("<RoleLastUsed"), std::string::npos) << r.body;
}

TEST_F(IamRoles, GetUnknownRoleIsNoSuchEntity) {
  http::Response r = iam("GetRole", {{"RoleName", "nobody"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_code(r), "NoSuchEntity");
  EXPECT_EQ(message(r), "The role with name nobody cannot be found.");
}

TEST_F(IamRoles, RoleNamesAreUniqueIgnoringCaseEntityAlreadyExists) {
  create_role("app-role");
  http::Response r = create_role("App-Role");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(error_code(r), "EntityAlreadyExists");
  EXPECT_EQ(message(r), "Role with name App-Role already exists.");
}

TEST_F(IamRoles, RoleNameLongerThan64IsValidationError) {
  std::string name(65, 'r');
  http::Response r = create_role(name);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "ValidationError");
  EXPECT_EQ(message(r), "1 validation error detected: Value '" + name +
                            "' at 'roleName' failed to satisfy constraint: Member must have "
                            "length less than or equal to 64");
}

TEST_F(IamRoles, RoleNameWithSlashFailsThePattern) {
  http::Response r = create_role("a/b");
  EXPECT_EQ(error_code(r), "ValidationError");
  EXPECT_EQ(message(r),
            "1 validation error detected: Value 'a/b' at 'roleName' failed to satisfy "
            "constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
}

TEST_F(IamRoles, TrustPolicyThatIsNotJsonIsMalformedPolicyDocument) {
  http::Response r = create_role("app-role", "trust.json");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "MalformedPolicyDocument");
  EXPECT_EQ(message(r), "This policy contains invalid Json");
}

TEST_F(IamRoles, TrustPolicyWithResourceHasProhibitedField) {
  http::Response r = create_role(
      "app-role",
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",)"
      R"("Principal":{"Service":"ec2.amazonaws.com"},"Resource":"*"}]})");
  EXPECT_EQ(error_code(r), "MalformedPolicyDocument");
  EXPECT_EQ(message(r), "Has prohibited field Resource");
}

TEST_F(IamRoles, TrustPolicyWithoutPrincipalIsMissingRequiredField) {
  http::Response r = create_role(
      "app-role",
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]})");
  EXPECT_EQ(error_code(r), "MalformedPolicyDocument");
  EXPECT_EQ(message(r), "Missing required field Principal");
}

TEST_F(IamRoles, TrustPolicyNamingAnUnknownUserIsInvalidPrincipal) {
  http::Response r = create_role(
      "app-role",
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",)"
      R"("Principal":{"AWS":"arn:aws:iam::123456789012:user/ghost"}}]})");
  EXPECT_EQ(error_code(r), "MalformedPolicyDocument");
  EXPECT_EQ(message(r),
            "Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:user/ghost\"");
}

TEST_F(IamRoles, MaxSessionDurationAbove12HoursIsValidationError) {
  http::Response r = create_role("app-role", kEc2Trust, {{"MaxSessionDuration", "43201"}});
  EXPECT_EQ(error_code(r), "ValidationError");
  EXPECT_EQ(message(r),
            "1 validation error detected: Value '43201' at 'maxSessionDuration' failed to "
            "satisfy constraint: Member must have value less than or equal to 43200");
}

TEST_F(IamRoles, ListRolesFiltersByPathPrefixAndPages) {
  create_role("a-role", kEc2Trust, {{"Path", "/app/"}});
  create_role("b-role", kEc2Trust, {{"Path", "/app/"}});
  create_role("c-role");
  http::Response r = iam("ListRoles", {{"PathPrefix", "/app/"}, {"MaxItems", "1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//Roles/member/RoleName"), "a-role");
  EXPECT_EQ(xml_text(r, "//ListRolesResult/IsTruncated"), "true");
  std::string marker = xml_text(r, "//ListRolesResult/Marker");
  r = iam("ListRoles", {{"PathPrefix", "/app/"}, {"Marker", marker}});
  EXPECT_EQ(xml_text(r, "//Roles/member/RoleName"), "b-role");
  EXPECT_EQ(xml_text(r, "//ListRolesResult/IsTruncated"), "false");
}

TEST_F(IamRoles, DeleteRoleWithInlinePolicyIsDeleteConflict) {
  create_role("app-role");
  iam("PutRolePolicy",
      {{"RoleName", "app-role"}, {"PolicyName", "read"}, {"PolicyDocument", kReadIam}});
  http::Response r = iam("DeleteRole", {{"RoleName", "app-role"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(error_code(r), "DeleteConflict");
  EXPECT_EQ(message(r), "Cannot delete entity, must delete policies first.");
}

TEST_F(IamRoles, DeleteRoleWithAttachedPolicyIsDeleteConflict) {
  create_role("app-role");
  iam("AttachRolePolicy", {{"RoleName", "app-role"}, {"PolicyArn", kRegistration}});
  http::Response r = iam("DeleteRole", {{"RoleName", "app-role"}});
  EXPECT_EQ(error_code(r), "DeleteConflict");
  EXPECT_EQ(message(r), "Cannot delete entity, must detach all policies first.");
}

TEST_F(IamRoles, DeleteRoleInAnInstanceProfileIsDeleteConflict) {
  create_role("app-role");
  iam("CreateInstanceProfile", {{"InstanceProfileName", "app-profile"}});
  iam("AddRoleToInstanceProfile",
      {{"InstanceProfileName", "app-profile"}, {"RoleName", "app-role"}});
  http::Response r = iam("DeleteRole", {{"RoleName", "app-role"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(error_code(r), "DeleteConflict");
  EXPECT_EQ(message(r), "Cannot delete entity, must remove roles from instance profile first.");
}

TEST_F(IamRoles, DeleteRoleRemovesIt) {
  create_role("app-role");
  ASSERT_EQ(iam("DeleteRole", {{"RoleName", "app-role"}}).status, 200);
  EXPECT_EQ(error_code(iam("GetRole", {{"RoleName", "app-role"}})), "NoSuchEntity");
}

}  // namespace
}  // namespace opsreg
