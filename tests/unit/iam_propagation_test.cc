// IAM's eventual consistency as a world setting: with a delay, a new key, a deleted key and a
// policy change reach requests only that long later on the world's clock; the IAM API shows them
// at once; off by default; the world file's own keys work from the start.
#include <gtest/gtest.h>

#include "tests/unit/iam_fixture.h"

namespace opsreg {
namespace {

using testing::error_code;
using testing::xml_text;

nlohmann::json delayed_world() {
  return {{"settings", {{"iam_propagation_delay", "10s"}}},
          {"identities",
           {{{"user_name", "ops"},
             {"access_key_id", "AKIAOPSREGWORLDKEY01"},
             {"secret_access_key", "world/key/secret/000000000000000000000"}}}}};
}

class IamPropagation : public ::testing::Test {
 protected:
  http::Response iam(const std::string& action, const aws::Params& params) {
    return root.query("iam", action, params);
  }
  aws::Credentials new_key(const std::string& user) {
    iam("CreateUser", {{"UserName", user}});
    http::Response r = iam("CreateAccessKey", {{"UserName", user}});
    return {xml_text(r, "//AccessKeyId"), xml_text(r, "//SecretAccessKey"), ""};
  }
  void advance(std::chrono::seconds by) { tw.world->advance(by); }

  testing::TestWorld tw{delayed_world()};
  testing::EdgeClient root{*tw.edge, tw.world->operator_credentials()};
};

TEST_F(IamPropagation, ANewKeyWorksOnlyOnceItsCreationHasPropagated) {
  aws::Credentials key = new_key("tool");
  testing::EdgeClient tool(*tw.edge, key);
  EXPECT_EQ(error_code(tool.query("sts", "GetCallerIdentity", {})), "InvalidClientTokenId");
  // The IAM API lists it at once.
  EXPECT_EQ(xml_text(iam("ListAccessKeys", {{"UserName", "tool"}}), "//AccessKeyId"),
            key.access_key_id);
  advance(std::chrono::seconds(9));
  EXPECT_EQ(error_code(tool.query("sts", "GetCallerIdentity", {})), "InvalidClientTokenId");
  advance(std::chrono::seconds(1));
  EXPECT_EQ(tool.query("sts", "GetCallerIdentity", {}).status, 200);
}

TEST_F(IamPropagation, ADeletedKeyWorksUntilItsDeletionHasPropagated) {
  aws::Credentials key = new_key("tool");
  advance(std::chrono::seconds(10));
  testing::EdgeClient tool(*tw.edge, key);
  ASSERT_EQ(
      iam("DeleteAccessKey", {{"UserName", "tool"}, {"AccessKeyId", key.access_key_id}}).status,
      200);
  EXPECT_EQ(tool.query("sts", "GetCallerIdentity", {}).status, 200);
  advance(std::chrono::seconds(10));
  EXPECT_EQ(error_code(tool.query("sts", "GetCallerIdentity", {})), "InvalidClientTokenId");
}

TEST_F(IamPropagation, PolicyChangesTakeEffectLate) {
  aws::Credentials key = new_key("tool");
  advance(std::chrono::seconds(10));
  testing::EdgeClient tool(*tw.edge, key);
  auto get_user = [&] { return tool.query("iam", "GetUser", {{"UserName", "tool"}}); };
  EXPECT_EQ(error_code(get_user()), "AccessDenied");
  ASSERT_EQ(iam("PutUserPolicy",
                {{"UserName", "tool"}, {"PolicyName", "read"}, {"PolicyDocument", kReadIam}})
                .status,
            200);
  EXPECT_EQ(error_code(get_user()), "AccessDenied");
  advance(std::chrono::seconds(10));
  EXPECT_EQ(get_user().status, 200);
  ASSERT_EQ(iam("DeleteUserPolicy", {{"UserName", "tool"}, {"PolicyName", "read"}}).status, 200);
  EXPECT_EQ(get_user().status, 200);  // still allowed until the deletion propagates
  advance(std::chrono::seconds(10));
  EXPECT_EQ(error_code(get_user()), "AccessDenied");
}

TEST_F(IamPropagation, TheWorldFilesOwnKeysWorkFromTheStart) {
  testing::EdgeClient ops(*tw.edge,
                          {"AKIAOPSREGWORLDKEY01", "world/key/secret/000000000000000000000", ""});
  EXPECT_EQ(ops.query("sts", "GetCallerIdentity", {}).status, 200);
}

TEST(IamPropagationOff, IsTheDefault) {
  testing::TestWorld tw;
  testing::EdgeClient root{*tw.edge, tw.world->operator_credentials()};
  root.query("iam", "CreateUser", {{"UserName", "tool"}});
  http::Response r = root.query("iam", "CreateAccessKey", {{"UserName", "tool"}});
  testing::EdgeClient tool(*tw.edge,
                           {xml_text(r, "//AccessKeyId"), xml_text(r, "//SecretAccessKey"), ""});
  EXPECT_EQ(tool.query("sts", "GetCallerIdentity", {}).status, 200);
}

}  // namespace
}  // namespace opsreg
