// STS AssumeRole through the edge: who may assume a role (its trust policy, and for an
// account-level trust the caller's own policies), the issued credentials working at once, and
// STS's parameter errors.
#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/edge_client.h"

namespace opsreg {
namespace {

using testing::error_code;
using testing::xml_text;

constexpr char kAliceKey[] = "AKIAALICE00000000001";
constexpr char kBobKey[] = "AKIABOB0000000000001";
constexpr char kSecret[] = "alice/and/bob/secret/key/0000000000000000";

nlohmann::json trust(const nlohmann::json& principal) {
  return {{"Version", "2012-10-17"},
          {"Statement",
           {{{"Effect", "Allow"}, {"Principal", principal}, {"Action", "sts:AssumeRole"}}}}};
}

// The default world plus users alice (may sts:AssumeRole anything) and bob (no policies), a role
// trusting alice by name, one trusting the account, and the default EC2 instance role.
nlohmann::json assume_world() {
  std::ifstream in(mocks::World::default_world_path());
  nlohmann::json w = nlohmann::json::parse(in);
  nlohmann::json assume_any = {
      {"Version", "2012-10-17"},
      {"Statement", {{{"Effect", "Allow"}, {"Action", "sts:AssumeRole"}, {"Resource", "*"}}}}};
  w["identities"] = {
      {{"user_name", "alice"},
       {"access_key_id", kAliceKey},
       {"secret_access_key", kSecret},
       {"policies", {{"assume", assume_any}}}},
      {{"user_name", "bob"}, {"access_key_id", kBobKey}, {"secret_access_key", kSecret}}};
  w["roles"].push_back(
      {{"role_name", "deploy"},
       {"assume_role_policy", trust({{"AWS", "arn:aws:iam::123456789012:user/bob"}})},
       {"max_session_duration", 7200},
       {"managed_policies", {"arn:aws:iam::aws:policy/IAMReadOnlyAccess"}}});
  w["roles"].push_back(
      {{"role_name", "account-trust"}, {"assume_role_policy", trust({{"AWS", "123456789012"}})}});
  return w;
}

class AssumeRole : public ::testing::Test {
 protected:
  http::Response assume(const std::string& user_key, const std::string& role,
                        aws::Params extra = {}) {
    client.set_credentials({user_key, kSecret, ""});
    extra.emplace_back("RoleArn", "arn:aws:iam::123456789012:role/" + role);
    extra.emplace_back("RoleSessionName", "ops");
    return client.query("sts", "AssumeRole", extra, "2011-06-15");
  }
  std::string message(const http::Response& r) { return xml_text(r, "//Error/Message"); }

  testing::TestWorld tw{assume_world()};
  testing::EdgeClient client{*tw.edge, tw.world->operator_credentials()};
};

TEST_F(AssumeRole, UserNamedInTheTrustPolicyGetsWorkingCredentials) {
  http::Response r = assume(kBobKey, "deploy");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//AssumeRoleResult/AssumedRoleUser/Arn"),
            "arn:aws:sts::123456789012:assumed-role/deploy/ops");
  EXPECT_EQ(xml_text(r, "//AssumedRoleUser/AssumedRoleId").substr(0, 4), "AROA");
  EXPECT_EQ(xml_text(r, "//Credentials/Expiration"), "2026-01-01T01:00:00Z");
  aws::Credentials creds{xml_text(r, "//Credentials/AccessKeyId"),
                         xml_text(r, "//Credentials/SecretAccessKey"),
                         xml_text(r, "//Credentials/SessionToken")};
  EXPECT_EQ(creds.access_key_id.substr(0, 4), "ASIA");
  client.set_credentials(creds);
  http::Response who = client.query("sts", "GetCallerIdentity", {}, "2011-06-15");
  EXPECT_EQ(xml_text(who, "//GetCallerIdentityResult/Arn"),
            "arn:aws:sts::123456789012:assumed-role/deploy/ops");
  EXPECT_EQ(client.query("iam", "GetRole", {{"RoleName", "deploy"}}).status, 200);
}

TEST_F(AssumeRole, AccountTrustNeedsTheCallersOwnPermission) {
  EXPECT_EQ(assume(kAliceKey, "account-trust").status, 200);
  http::Response r = assume(kBobKey, "account-trust");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "AccessDenied");
  EXPECT_EQ(message(r),
            "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: "
            "sts:AssumeRole on resource: arn:aws:iam::123456789012:role/account-trust");
}

TEST_F(AssumeRole, RoleTrustingOnlyEc2IsAccessDenied) {
  http::Response r = assume(kAliceKey, "opsworks-instance-role");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "AccessDenied");
  EXPECT_EQ(message(r),
            "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: "
            "sts:AssumeRole on resource: arn:aws:iam::123456789012:role/opsworks-instance-role");
}

TEST_F(AssumeRole, UnknownRoleIsAccessDenied) {
  http::Response r = assume(kAliceKey, "ghost");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "AccessDenied");
}

TEST_F(AssumeRole, RootMayNotAssumeRoles) {
  http::Response r = client.query(
      "sts", "AssumeRole",
      {{"RoleArn", "arn:aws:iam::123456789012:role/deploy"}, {"RoleSessionName", "ops"}},
      "2011-06-15");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "AccessDenied");
  EXPECT_EQ(message(r), "Roles may not be assumed by root accounts.");
}

TEST_F(AssumeRole, DurationBelow900SecondsIsValidationError) {
  http::Response r = assume(kBobKey, "deploy", {{"DurationSeconds", "899"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "ValidationError");
  EXPECT_EQ(message(r),
            "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy "
            "constraint: Member must have value greater than or equal to 900");
}

TEST_F(AssumeRole, DurationAboveTheRolesMaxSessionDurationIsValidationError) {
  EXPECT_EQ(assume(kBobKey, "deploy", {{"DurationSeconds", "7200"}}).status, 200);
  http::Response r = assume(kBobKey, "deploy", {{"DurationSeconds", "7201"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "ValidationError");
  EXPECT_EQ(message(r),
            "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
}

TEST_F(AssumeRole, AssumedCredentialsExpireAfterTheirDuration) {
  http::Response r = assume(kBobKey, "deploy", {{"DurationSeconds", "900"}});
  ASSERT_EQ(r.status, 200) << r.body;
  client.set_credentials({xml_text(r, "//Credentials/AccessKeyId"),
                          xml_text(r, "//Credentials/SecretAccessKey"),
                          xml_text(r, "//Credentials/SessionToken")});
  tw.world->advance(std::chrono::seconds(901));
  http::Response late = client.query("sts", "GetCallerIdentity", {}, "2011-06-15");
  EXPECT_EQ(late.status, 403);
  EXPECT_EQ(error_code(late), "ExpiredToken");
}

}  // namespace
}  // namespace opsreg
