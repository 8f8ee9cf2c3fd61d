// IAM users through the edge: CreateUser, GetUser, ListUsers, DeleteUser, with IAM's naming,
// uniqueness and DeleteConflict rules.
#include <gtest/gtest.h>

#include "tests/unit/iam_fixture.h"

namespace opsreg {
namespace {

using testing::error_code;
using testing::xml_text;

class IamUsers : public IamTest {};

TEST_F(IamUsers, CreateUserReturnsTheUser) {
  http::Response r = iam("CreateUser", {{"UserName", "alice"}, {"Path", "/ops/"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\""), std::string::npos);
  EXPECT_EQ(xml_text(r, "//CreateUserResult/User/UserName"), "alice");
  EXPECT_EQ(xml_text(r, "//CreateUserResult/User/Path"), "/ops/");
  EXPECT_EQ(xml_text(r, "//CreateUserResult/User/Arn"), "arn:aws:iam::123456789012:user/ops/alice");
  EXPECT_EQ(xml_text(r, "//CreateUserResult/User/CreateDate"), "2026-01-01T00:00:00Z");
  EXPECT_TRUE(xml_text(r, "//CreateUserResult/User/UserId").starts_with("AIDA"));
  EXPECT_FALSE(xml_text(r, "//ResponseMetadata/RequestId").empty());
}

TEST_F(IamUsers, GetUserReturnsTheNamedUser) {
  iam("CreateUser", {{"UserName", "alice"}});
  http::Response r = iam("GetUser", {{"UserName", "alice"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//GetUserResult/User/Arn"), "arn:aws:iam::123456789012:user/alice");
  EXPECT_EQ(xml_text(r, "//GetUserResult/User/Path"), "/");
}

TEST_F(IamUsers, GetUserWithoutNameAsRootReturnsTheRootUser) {
  http::Response r = iam("GetUser");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//GetUserResult/User/Arn"), "arn:aws:iam::123456789012:root");
  EXPECT_EQ(xml_text(r, "//GetUserResult/User/UserId"), "123456789012");
  EXPECT_EQ(xml_text(r, "//GetUserResult/User/UserName"), "");
}

TEST_F(IamUsers, GetUnknownUserIsNoSuchEntity404) {
  http::Response r = iam("GetUser", {{"UserName", "nobody"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_code(r), "NoSuchEntity");
  EXPECT_EQ(message(r), "The user with name nobody cannot be found.");
}

TEST_F(IamUsers, CreateUserTwiceIsEntityAlreadyExists409) {
  iam("CreateUser", {{"UserName", "alice"}});
  http::Response r = iam("CreateUser", {{"UserName", "alice"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(error_code(r), "EntityAlreadyExists");
  EXPECT_EQ(message(r), "User with name alice already exists.");
}

TEST_F(IamUsers, UserNamesCollideIgnoringCase) {
  iam("CreateUser", {{"UserName", "Alice"}});
  http::Response r = iam("CreateUser", {{"UserName", "ALICE"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(error_code(r), "EntityAlreadyExists");
  EXPECT_EQ(message(r), "User with name ALICE already exists.");
  // Lookups ignore case too, and answer with the name as created.
  EXPECT_EQ(xml_text(iam("GetUser", {{"UserName", "alice"}}), "//User/UserName"), "Alice");
}

TEST_F(IamUsers, UserNameWithSpaceIsValidationError) {
  http::Response r = iam("CreateUser", {{"UserName", "bad name"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "ValidationError");
  EXPECT_EQ(message(r),
            "1 validation error detected: Value 'bad name' at 'userName' failed to satisfy "
            "constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
}

TEST_F(IamUsers, UserNameLongerThan64IsValidationError) {
  http::Response r = iam("CreateUser", {{"UserName", std::string(65, 'a')}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "ValidationError");
  EXPECT_NE(message(r).find("Member must have length less than or equal to 64"), std::string::npos)
      << message(r);
  EXPECT_EQ(iam("CreateUser", {{"UserName", std::string(64, 'a')}}).status, 200);
}

TEST_F(IamUsers, UserNameAcceptsEveryAllowedPunctuation) {
  EXPECT_EQ(iam("CreateUser", {{"UserName", "a_b+c=d,e.f@g-h"}}).status, 200);
}

TEST_F(IamUsers, PathWithoutTrailingSlashIsValidationError) {
  http::Response r = iam("CreateUser", {{"UserName", "alice"}, {"Path", "/ops"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "ValidationError");
  EXPECT_EQ(message(r),
            "1 validation error detected: Value '/ops' at 'path' failed to satisfy constraint: "
            "Member must satisfy regular expression pattern: "
            "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
}

TEST_F(IamUsers, MissingUserNameIsValidationError) {
  http::Response r = iam("CreateUser");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "ValidationError");
  EXPECT_EQ(message(r),
            "1 validation error detected: Value null at 'userName' failed to satisfy constraint: "
            "Member must not be null");
}

TEST_F(IamUsers, ListUsersFiltersByPathPrefix) {
  iam("CreateUser", {{"UserName", "alice"}, {"Path", "/ops/"}});
  iam("CreateUser", {{"UserName", "bob"}, {"Path", "/dev/"}});
  iam("CreateUser", {{"UserName", "carol"}, {"Path", "/ops/night/"}});
  http::Response r = iam("ListUsers", {{"PathPrefix", "/ops/"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//ListUsersResult/Users/member[1]/UserName"), "alice");
  EXPECT_EQ(xml_text(r, "//ListUsersResult/Users/member[2]/UserName"), "carol");
  EXPECT_EQ(xml_text(r, "//ListUsersResult/Users/member[3]/UserName"), "");
  EXPECT_EQ(xml_text(r, "//ListUsersResult/IsTruncated"), "false");
  EXPECT_EQ(xml_text(iam("ListUsers"), "//Users/member[2]/UserName"), "bob");
}

TEST_F(IamUsers, DeleteUserRemovesIt) {
  iam("CreateUser", {{"UserName", "alice"}});
  http::Response r = iam("DeleteUser", {{"UserName", "alice"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//DeleteUserResponse/ResponseMetadata/RequestId").empty(), false);
  EXPECT_EQ(error_code(iam("GetUser", {{"UserName", "alice"}})), "NoSuchEntity");
}

TEST_F(IamUsers, DeleteUnknownUserIsNoSuchEntity404) {
  http::Response r = iam("DeleteUser", {{"UserName", "nobody"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_code(r), "NoSuchEntity");
}

TEST_F(IamUsers, DeleteUserWithAccessKeyIsDeleteConflict) {
  iam("CreateUser", {{"UserName", "alice"}});
  iam("CreateAccessKey", {{"UserName", "alice"}});
  http::Response r = iam("DeleteUser", {{"UserName", "alice"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(error_code(r), "DeleteConflict");
  EXPECT_EQ(message(r), "Cannot delete entity, must delete access keys first.");
}

TEST_F(IamUsers, DeleteUserWithAttachedPolicyIsDeleteConflict) {
  iam("CreateUser", {{"UserName", "alice"}});
  ASSERT_EQ(iam("AttachUserPolicy",
                {{"UserName", "alice"}, {"PolicyArn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess"}})
                .status,
            200);
  http::Response r = iam("DeleteUser", {{"UserName", "alice"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(error_code(r), "DeleteConflict");
  EXPECT_EQ(message(r), "Cannot delete entity, must detach all policies first.");
}

TEST_F(IamUsers, DeleteUserInAGroupIsDeleteConflict) {
  iam("CreateUser", {{"UserName", "alice"}});
  iam("CreateGroup", {{"GroupName", "ops"}});
  iam("AddUserToGroup", {{"GroupName", "ops"}, {"UserName", "alice"}});
  http::Response r = iam("DeleteUser", {{"UserName", "alice"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(error_code(r), "DeleteConflict");
  EXPECT_EQ(message(r), "Cannot delete entity, must remove users from group first.");
}

TEST_F(IamUsers, UnknownActionIsInvalidAction) {
  http::Response r = iam("FlyToTheMoon");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "InvalidAction");
}

}  // namespace
}  // namespace opsreg
