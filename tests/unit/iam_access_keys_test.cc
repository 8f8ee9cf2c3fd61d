// IAM access keys through the edge: create, list, update, delete, last use; the two-key quota;
// keys of the calling user and of root.
#include <gtest/gtest.h>

#include "tests/unit/iam_fixture.h"

namespace opsreg {
namespace {

using testing::error_code;
using testing::xml_text;

class IamAccessKeys : public IamTest {
 protected:
  void SetUp() override { iam("CreateUser", {{"UserName", "alice"}}); }
};

TEST_F(IamAccessKeys, CreateAccessKeyReturnsTheSecretOnce) {
  http::Response r = iam("CreateAccessKey", {{"UserName", "alice"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//CreateAccessKeyResult/AccessKey/UserName"), "alice");
  EXPECT_EQ(xml_text(r, "//CreateAccessKeyResult/AccessKey/Status"), "Active");
  EXPECT_TRUE(xml_text(r, "//AccessKey/AccessKeyId").starts_with("AKIA"));
  EXPECT_EQ(xml_text(r, "//AccessKey/SecretAccessKey").size(), 40u);
  EXPECT_EQ(xml_text(r, "//AccessKey/CreateDate"), "2026-01-01T00:00:00Z");

  http::Response list = iam("ListAccessKeys", {{"UserName", "alice"}});
  EXPECT_EQ(list.body.find("SecretAccessKey"), std::string::npos);
  std::string snapshot = tw.world->snapshot().dump();
  EXPECT_EQ(snapshot.find(xml_text(r, "//AccessKey/SecretAccessKey")), std::string::npos);
  EXPECT_EQ(snapshot.find(tw.world->operator_credentials().secret_access_key), std::string::npos);
}

TEST_F(IamAccessKeys, ThirdAccessKeyIsLimitExceeded409) {
  iam("CreateAccessKey", {{"UserName", "alice"}});
  iam("CreateAccessKey", {{"UserName", "alice"}});
  http::Response r = iam("CreateAccessKey", {{"UserName", "alice"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(error_code(r), "LimitExceeded");
  EXPECT_EQ(message(r), "Cannot exceed quota for AccessKeysPerUser: 2");
}

TEST_F(IamAccessKeys, CreateAccessKeyForUnknownUserIsNoSuchEntity) {
  http::Response r = iam("CreateAccessKey", {{"UserName", "nobody"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(message(r), "The user with name nobody cannot be found.");
}

TEST_F(IamAccessKeys, ListAccessKeysShowsMetadata) {
  std::string id = xml_text(iam("CreateAccessKey", {{"UserName", "alice"}}), "//AccessKeyId");
  http::Response r = iam("ListAccessKeys", {{"UserName", "alice"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//ListAccessKeysResult/AccessKeyMetadata/member/AccessKeyId"), id);
  EXPECT_EQ(xml_text(r, "//AccessKeyMetadata/member/UserName"), "alice");
  EXPECT_EQ(xml_text(r, "//AccessKeyMetadata/member/Status"), "Active");
  EXPECT_EQ(xml_text(r, "//ListAccessKeysResult/IsTruncated"), "false");
}

TEST_F(IamAccessKeys, UpdateAccessKeyToInactiveLocksTheKeyOut) {
  http::Response key = iam("CreateAccessKey", {{"UserName", "alice"}});
  std::string id = xml_text(key, "//AccessKeyId");
  ASSERT_EQ(
      iam("UpdateAccessKey", {{"UserName", "alice"}, {"AccessKeyId", id}, {"Status", "Inactive"}})
          .status,
      200);
  EXPECT_EQ(xml_text(iam("ListAccessKeys", {{"UserName", "alice"}}), "//member/Status"),
            "Inactive");
  testing::EdgeClient alice(*tw.edge, {id, xml_text(key, "//SecretAccessKey"), ""});
  http::Response r = alice.query("iam", "GetUser");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "InvalidClientTokenId");
}

TEST_F(IamAccessKeys, UpdateAccessKeyWithBadStatusIsValidationError) {
  std::string id = xml_text(iam("CreateAccessKey", {{"UserName", "alice"}}), "//AccessKeyId");
  http::Response r =
      iam("UpdateAccessKey", {{"UserName", "alice"}, {"AccessKeyId", id}, {"Status", "Paused"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "ValidationError");
  EXPECT_EQ(message(r),
            "1 validation error detected: Value 'Paused' at 'status' failed to satisfy "
            "constraint: Member must satisfy enum value set: [Active, Inactive, Expired]");
}

TEST_F(IamAccessKeys, DeleteUnknownAccessKeyIsNoSuchEntity404) {
  http::Response r =
      iam("DeleteAccessKey", {{"UserName", "alice"}, {"AccessKeyId", "AKIAAAAAAAAAAAAAAAAA"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_code(r), "NoSuchEntity");
  EXPECT_EQ(message(r), "The Access Key with id AKIAAAAAAAAAAAAAAAAA cannot be found.");
}

TEST_F(IamAccessKeys, AnotherUsersKeyIsNoSuchEntity) {
  iam("CreateUser", {{"UserName", "bob"}});
  std::string id = xml_text(iam("CreateAccessKey", {{"UserName", "bob"}}), "//AccessKeyId");
  http::Response r = iam("DeleteAccessKey", {{"UserName", "alice"}, {"AccessKeyId", id}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_code(r), "NoSuchEntity");
}

TEST_F(IamAccessKeys, DeleteAccessKeyThenDeleteUserSucceeds) {
  std::string id = xml_text(iam("CreateAccessKey", {{"UserName", "alice"}}), "//AccessKeyId");
  ASSERT_EQ(iam("DeleteAccessKey", {{"UserName", "alice"}, {"AccessKeyId", id}}).status, 200);
  EXPECT_EQ(iam("DeleteUser", {{"UserName", "alice"}}).status, 200);
}

TEST_F(IamAccessKeys, DeletedKeyIsInvalidClientTokenId) {
  http::Response key = iam("CreateAccessKey", {{"UserName", "alice"}});
  std::string id = xml_text(key, "//AccessKeyId");
  iam("DeleteAccessKey", {{"UserName", "alice"}, {"AccessKeyId", id}});
  testing::EdgeClient alice(*tw.edge, {id, xml_text(key, "//SecretAccessKey"), ""});
  EXPECT_EQ(error_code(alice.query("iam", "GetUser")), "InvalidClientTokenId");
}

TEST_F(IamAccessKeys, WithoutUserNameRootActsOnTheAccountsKeys) {
  http::Response list = iam("ListAccessKeys");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(xml_text(list, "//AccessKeyMetadata/member[1]/AccessKeyId"),
            tw.world->operator_credentials().access_key_id);
  EXPECT_EQ(xml_text(list, "//AccessKeyMetadata/member[1]/UserName"), "");
  http::Response created = iam("CreateAccessKey");
  ASSERT_EQ(created.status, 200) << created.body;
  EXPECT_EQ(xml_text(created, "//AccessKey/UserName"), "");
  // The operator key and the new one: the root has two keys too at most.
  EXPECT_EQ(error_code(iam("CreateAccessKey")), "LimitExceeded");
  std::string id = xml_text(created, "//AccessKeyId");
  EXPECT_EQ(iam("UpdateAccessKey", {{"AccessKeyId", id}, {"Status", "Inactive"}}).status, 200);
  EXPECT_EQ(iam("DeleteAccessKey", {{"AccessKeyId", id}}).status, 200);
  EXPECT_EQ(xml_text(iam("ListAccessKeys"), "//AccessKeyMetadata/member[2]/AccessKeyId"), "");
}

TEST_F(IamAccessKeys, GetAccessKeyLastUsedIsNotApplicableBeforeUse) {
  std::string id = xml_text(iam("CreateAccessKey", {{"UserName", "alice"}}), "//AccessKeyId");
  http::Response r = iam("GetAccessKeyLastUsed", {{"AccessKeyId", id}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//GetAccessKeyLastUsedResult/UserName"), "alice");
  EXPECT_EQ(xml_text(r, "//AccessKeyLastUsed/ServiceName"), "N/A");
  EXPECT_EQ(xml_text(r, "//AccessKeyLastUsed/Region"), "N/A");
  EXPECT_EQ(xml_text(r, "//AccessKeyLastUsed/LastUsedDate"), "");
}

TEST_F(IamAccessKeys, GetAccessKeyLastUsedIsUpdatedBySignedRequest) {
  http::Response key = iam("CreateAccessKey", {{"UserName", "alice"}});
  std::string id = xml_text(key, "//AccessKeyId");
  tw.world->advance(std::chrono::hours(2));
  testing::EdgeClient alice(*tw.edge, {id, xml_text(key, "//SecretAccessKey"), ""}, "eu-west-1");
  alice.query("sts", "GetCallerIdentity", {}, "2011-06-15");
  tw.world->advance(std::chrono::minutes(5));
  http::Response r = iam("GetAccessKeyLastUsed", {{"AccessKeyId", id}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//AccessKeyLastUsed/LastUsedDate"), "2026-01-01T02:00:00Z");
  EXPECT_EQ(xml_text(r, "//AccessKeyLastUsed/ServiceName"), "sts");
  EXPECT_EQ(xml_text(r, "//AccessKeyLastUsed/Region"), "eu-west-1");
}

TEST_F(IamAccessKeys, GetAccessKeyLastUsedOfUnknownKeyIsNoSuchEntity) {
  http::Response r = iam("GetAccessKeyLastUsed", {{"AccessKeyId", "AKIAAAAAAAAAAAAAAAAA"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_code(r), "NoSuchEntity");
}

}  // namespace
}  // namespace opsreg
