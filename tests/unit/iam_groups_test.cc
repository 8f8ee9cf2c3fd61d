// IAM groups through the edge: CreateGroup, GetGroup, DeleteGroup, AddUserToGroup,
// RemoveUserFromGroup, ListGroupsForUser, ListGroups.
#include <gtest/gtest.h>

#include "tests/unit/iam_fixture.h"

namespace opsreg {
namespace {

using testing::error_code;
using testing::xml_text;

class IamGroups : public IamTest {};

TEST_F(IamGroups, CreateGroupReturnsTheGroup) {
  http::Response r = iam("CreateGroup", {{"GroupName", "ops"}, {"Path", "/teams/"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//CreateGroupResult/Group/GroupName"), "ops");
  EXPECT_EQ(xml_text(r, "//CreateGroupResult/Group/Arn"),
            "arn:aws:iam::123456789012:group/teams/ops");
  EXPECT_TRUE(xml_text(r, "//CreateGroupResult/Group/GroupId").starts_with("AGPA"));
  EXPECT_EQ(xml_text(r, "//CreateGroupResult/Group/CreateDate"), "2026-01-01T00:00:00Z");
}

TEST_F(IamGroups, GroupNamesCollideIgnoringCase) {
  iam("CreateGroup", {{"GroupName", "Ops"}});
  http::Response r = iam("CreateGroup", {{"GroupName", "ops"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(error_code(r), "EntityAlreadyExists");
  EXPECT_EQ(message(r), "Group with name ops already exists.");
}

TEST_F(IamGroups, GroupNameLongerThan128IsValidationError) {
  http::Response r = iam("CreateGroup", {{"GroupName", std::string(129, 'g')}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "ValidationError");
  EXPECT_EQ(iam("CreateGroup", {{"GroupName", std::string(128, 'g')}}).status, 200);
}

TEST_F(IamGroups, GetGroupListsItsMembers) {
  iam("CreateGroup", {{"GroupName", "ops"}});
  iam("CreateUser", {{"UserName", "bob"}});
  iam("CreateUser", {{"UserName", "alice"}});
  ASSERT_EQ(iam("AddUserToGroup", {{"GroupName", "ops"}, {"UserName", "bob"}}).status, 200);
  ASSERT_EQ(iam("AddUserToGroup", {{"GroupName", "ops"}, {"UserName", "alice"}}).status, 200);
  http::Response r = iam("GetGroup", {{"GroupName", "ops"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//GetGroupResult/Group/GroupName"), "ops");
  EXPECT_EQ(xml_text(r, "//GetGroupResult/Users/member[1]/UserName"), "alice");
  EXPECT_EQ(xml_text(r, "//GetGroupResult/Users/member[2]/UserName"), "bob");
  EXPECT_EQ(xml_text(r, "//GetGroupResult/IsTruncated"), "false");
}

TEST_F(IamGroups, GetUnknownGroupIsNoSuchEntity404) {
  http::Response r = iam("GetGroup", {{"GroupName", "ghosts"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_code(r), "NoSuchEntity");
  EXPECT_EQ(message(r), "The group with name ghosts cannot be found.");
}

TEST_F(IamGroups, AddUnknownUserToGroupIsNoSuchEntity) {
  iam("CreateGroup", {{"GroupName", "ops"}});
  http::Response r = iam("AddUserToGroup", {{"GroupName", "ops"}, {"UserName", "nobody"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(message(r), "The user with name nobody cannot be found.");
}

TEST_F(IamGroups, AddUserToUnknownGroupIsNoSuchEntity) {
  iam("CreateUser", {{"UserName", "alice"}});
  http::Response r = iam("AddUserToGroup", {{"GroupName", "ghosts"}, {"UserName", "alice"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(message(r), "The group with name ghosts cannot be found.");
}

TEST_F(IamGroups, ListGroupsForUserAfterRemoveUserFromGroup) {
  iam("CreateUser", {{"UserName", "alice"}});
  iam("CreateGroup", {{"GroupName", "ops"}});
  iam("CreateGroup", {{"GroupName", "dev"}});
  iam("AddUserToGroup", {{"GroupName", "ops"}, {"UserName", "alice"}});
  iam("AddUserToGroup", {{"GroupName", "dev"}, {"UserName", "alice"}});
  http::Response r = iam("ListGroupsForUser", {{"UserName", "alice"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//ListGroupsForUserResult/Groups/member[1]/GroupName"), "dev");
  EXPECT_EQ(xml_text(r, "//ListGroupsForUserResult/Groups/member[2]/GroupName"), "ops");
  ASSERT_EQ(iam("RemoveUserFromGroup", {{"GroupName", "dev"}, {"UserName", "alice"}}).status, 200);
  r = iam("ListGroupsForUser", {{"UserName", "alice"}});
  EXPECT_EQ(xml_text(r, "//Groups/member[1]/GroupName"), "ops");
  EXPECT_EQ(xml_text(r, "//Groups/member[2]/GroupName"), "");
}

TEST_F(IamGroups, ListGroupsByPathPrefixInNameOrderWithPages) {
  iam("CreateGroup", {{"GroupName", "ops"}, {"Path", "/teams/"}});
  iam("CreateGroup", {{"GroupName", "dev"}, {"Path", "/teams/"}});
  iam("CreateGroup", {{"GroupName", "admins"}});
  http::Response all = iam("ListGroups", {});
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(xml_text(all, "//ListGroupsResult/Groups/member[1]/GroupName"), "admins");
  EXPECT_EQ(xml_text(all, "//ListGroupsResult/IsTruncated"), "false");
  http::Response teams = iam("ListGroups", {{"PathPrefix", "/teams/"}, {"MaxItems", "1"}});
  ASSERT_EQ(teams.status, 200) << teams.body;
  EXPECT_EQ(xml_text(teams, "//Groups/member[1]/GroupName"), "dev");
  EXPECT_EQ(xml_text(teams, "//Groups/member[1]/Arn"), "arn:aws:iam::123456789012:group/teams/dev");
  EXPECT_EQ(xml_text(teams, "//IsTruncated"), "true");
  http::Response next =
      iam("ListGroups", {{"PathPrefix", "/teams/"}, {"Marker", xml_text(teams, "//Marker")}});
  EXPECT_EQ(xml_text(next, "//Groups/member[1]/GroupName"), "ops");
  EXPECT_EQ(error_code(iam("ListGroups", {{"PathPrefix", "teams"}})), "ValidationError");
}

TEST_F(IamGroups, RemoveUserNotInGroupIsNoSuchEntity) {
  iam("CreateUser", {{"UserName", "alice"}});
  iam("CreateGroup", {{"GroupName", "ops"}});
  http::Response r = iam("RemoveUserFromGroup", {{"GroupName", "ops"}, {"UserName", "alice"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_code(r), "NoSuchEntity");
}

TEST_F(IamGroups, DeleteGroupWithMembersIsDeleteConflict) {
  iam("CreateUser", {{"UserName", "alice"}});
  iam("CreateGroup", {{"GroupName", "ops"}});
  iam("AddUserToGroup", {{"GroupName", "ops"}, {"UserName", "alice"}});
  http::Response r = iam("DeleteGroup", {{"GroupName", "ops"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(error_code(r), "DeleteConflict");
  EXPECT_EQ(message(r), "Cannot delete entity, must remove users from group first.");
}

TEST_F(IamGroups, DeleteGroupWithAttachedPolicyIsDeleteConflict) {
  iam("CreateGroup", {{"GroupName", "ops"}});
  ASSERT_TRUE(
      tw.world->iam().attach_group_policy("ops", "arn:aws:iam::aws:policy/IAMReadOnlyAccess").ok());
  http::Response r = iam("DeleteGroup", {{"GroupName", "ops"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(message(r), "Cannot delete entity, must detach all policies first.");
}

TEST_F(IamGroups, DeleteEmptyGroupRemovesIt) {
  iam("CreateGroup", {{"GroupName", "ops"}});
  ASSERT_EQ(iam("DeleteGroup", {{"GroupName", "ops"}}).status, 200);
  EXPECT_EQ(error_code(iam("GetGroup", {{"GroupName", "ops"}})), "NoSuchEntity");
}

}  // namespace
}  // namespace opsreg
