// IAM Marker/MaxItems paging through the edge: pages, markers, and MaxItems bounds.
#include <gtest/gtest.h>

#include "tests/unit/iam_fixture.h"

namespace opsreg {
namespace {

using testing::error_code;
using testing::xml_text;

class IamPagination : public IamTest {};

TEST_F(IamPagination, ListUsersPagesWithMarkerUntilNotTruncated) {
  for (const char* name : {"u1", "u2", "u3", "u4", "u5"}) iam("CreateUser", {{"UserName", name}});
  std::vector<std::string> seen;
  std::string marker;
  int pages = 0;
  for (;;) {
    aws::Params params = {{"MaxItems", "2"}};
    if (!marker.empty()) params.emplace_back("Marker", marker);
    http::Response r = iam("ListUsers", params);
    ASSERT_EQ(r.status, 200) << r.body;
    ++pages;
    for (int i = 1; i <= 2; ++i) {
      std::string n = xml_text(r, "//Users/member[" + std::to_string(i) + "]/UserName");
      if (!n.empty()) seen.push_back(n);
    }
    if (xml_text(r, "//ListUsersResult/IsTruncated") != "true") {
      EXPECT_EQ(xml_text(r, "//ListUsersResult/Marker"), "");
      break;
    }
    marker = xml_text(r, "//ListUsersResult/Marker");
    ASSERT_FALSE(marker.empty());
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen, (std::vector<std::string>{"u1", "u2", "u3", "u4", "u5"}));
}

TEST_F(IamPagination, DefaultMaxItemsIs100) {
  for (int i = 0; i < 101; ++i)
    iam("CreateUser", {{"UserName", "user" + std::to_string(1000 + i)}});
  http::Response r = iam("ListUsers");
  EXPECT_EQ(xml_text(r, "//IsTruncated"), "true");
  EXPECT_EQ(xml_text(r, "//Users/member[100]/UserName"), "user1099");
  EXPECT_EQ(xml_text(r, "//Users/member[101]/UserName"), "");
  http::Response rest = iam("ListUsers", {{"Marker", xml_text(r, "//ListUsersResult/Marker")}});
  EXPECT_EQ(xml_text(rest, "//Users/member[1]/UserName"), "user1100");
  EXPECT_EQ(xml_text(rest, "//IsTruncated"), "false");
}

TEST_F(IamPagination, MaxItemsZeroIsValidationError) {
  http::Response r = iam("ListUsers", {{"MaxItems", "0"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "ValidationError");
  EXPECT_EQ(xml_text(r, "//Error/Message"),
            "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: "
            "Member must have value greater than or equal to 1");
}

TEST_F(IamPagination, MaxItemsOver1000IsValidationError) {
  http::Response r = iam("ListUsers", {{"MaxItems", "1001"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "ValidationError");
  EXPECT_EQ(iam("ListUsers", {{"MaxItems", "1000"}}).status, 200);
}

TEST_F(IamPagination, ForeignMarkerIsValidationError) {
  http::Response r = iam("ListUsers", {{"Marker", "not-a-marker"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "ValidationError");
}

TEST_F(IamPagination, GetGroupPagesItsMembers) {
  iam("CreateGroup", {{"GroupName", "ops"}});
  for (const char* name : {"a", "b", "c"}) {
    iam("CreateUser", {{"UserName", name}});
    iam("AddUserToGroup", {{"GroupName", "ops"}, {"UserName", name}});
  }
  http::Response first = iam("GetGroup", {{"GroupName", "ops"}, {"MaxItems", "2"}});
  EXPECT_EQ(xml_text(first, "//GetGroupResult/IsTruncated"), "true");
  http::Response second = iam(
      "GetGroup", {{"GroupName", "ops"}, {"Marker", xml_text(first, "//GetGroupResult/Marker")}});
  EXPECT_EQ(xml_text(second, "//Users/member[1]/UserName"), "c");
  EXPECT_EQ(xml_text(second, "//GetGroupResult/IsTruncated"), "false");
}

TEST_F(IamPagination, ListAccessKeysAndGroupsForUserPage) {
  iam("CreateUser", {{"UserName", "alice"}});
  iam("CreateAccessKey", {{"UserName", "alice"}});
  iam("CreateAccessKey", {{"UserName", "alice"}});
  http::Response keys = iam("ListAccessKeys", {{"UserName", "alice"}, {"MaxItems", "1"}});
  EXPECT_EQ(xml_text(keys, "//ListAccessKeysResult/IsTruncated"), "true");
  http::Response more =
      iam("ListAccessKeys", {{"UserName", "alice"}, {"Marker", xml_text(keys, "//Marker")}});
  EXPECT_NE(xml_text(more, "//member/AccessKeyId"), xml_text(keys, "//member/AccessKeyId"));
  EXPECT_EQ(xml_text(more, "//IsTruncated"), "false");

  for (const char* g : {"g1", "g2"}) {
    iam("CreateGroup", {{"GroupName", g}});
    iam("AddUserToGroup", {{"GroupName", g}, {"UserName", "alice"}});
  }
  http::Response groups = iam("ListGroupsForUser", {{"UserName", "alice"}, {"MaxItems", "1"}});
  EXPECT_EQ(xml_text(groups, "//Groups/member/GroupName"), "g1");
  EXPECT_EQ(xml_text(groups, "//IsTruncated"), "true");
}

}  // namespace
}  // namespace opsreg
