// The edge's authentication of role-session credentials: the key must come with its session
// token (header, or query when presigned), unexpired on the world clock, and dies with its
// role; the caller is the assumed-role ARN with the role's policies.
#include <gtest/gtest.h>

#include "tests/support/edge_client.h"

namespace opsreg {
namespace {

using testing::error_code;
using testing::xml_text;

constexpr char kRole[] = "opsworks-instance-role";  // AWSOpsWorksInstanceRegistration
constexpr char kInstance[] = "i-0123456789abcdef0";
constexpr char kAssumedArn[] =
    "arn:aws:sts::123456789012:assumed-role/opsworks-instance-role/i-0123456789abcdef0";
constexpr char kInvalid[] = "The security token included in the request is invalid.";
constexpr char kExpired[] = "The security token included in the request is expired";

class RoleSessionAuth : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = tw.world->iam().issue_role_session(kRole, kInstance, tw.world->now(),
                                                std::chrono::hours(6));
    ASSERT_TRUE(s.ok()) << s.error().message;
    session = *s;
    client.set_credentials(session.credentials);
  }
  http::Response caller_identity() {
    return client.query("sts", "GetCallerIdentity", {}, "2011-06-15");
  }
  std::string message(const http::Response& r) { return xml_text(r, "//Error/Message"); }
  std::string json_message(const http::Response& r) {
    return nlohmann::json::parse(r.body).value("message", "");
  }

  testing::TestWorld tw;
  mocks::iam::RoleSession session;
  testing::EdgeClient client{*tw.edge, tw.world->operator_credentials()};
};

TEST_F(RoleSessionAuth, GetCallerIdentityNamesTheAssumedRole) {
  http::Response r = caller_identity();
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//GetCallerIdentityResult/Arn"), kAssumedArn);
  EXPECT_EQ(xml_text(r, "//GetCallerIdentityResult/UserId"), session.assumed_role_id);
  EXPECT_EQ(xml_text(r, "//GetCallerIdentityResult/UserId").substr(0, 4), "AROA");
  EXPECT_EQ(xml_text(r, "//GetCallerIdentityResult/Account"), "123456789012");
}

TEST_F(RoleSessionAuth, SessionKeyWithoutTokenIsInvalidClientTokenId) {
  aws::Credentials no_token = session.credentials;
  no_token.session_token.clear();
  client.set_credentials(no_token);
  http::Response r = caller_identity();
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "InvalidClientTokenId");
  EXPECT_EQ(message(r), kInvalid);
}

TEST_F(RoleSessionAuth, SessionKeyWithAnotherTokenIsInvalidClientTokenId) {
  aws::Credentials wrong = session.credentials;
  wrong.session_token = "IQoJb3JpZ2luX2VjEOnotthetoken";
  client.set_credentials(wrong);
  http::Response r = caller_identity();
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "InvalidClientTokenId");
  EXPECT_EQ(message(r), kInvalid);
}

TEST_F(RoleSessionAuth, OpsWorksSessionKeyWithoutTokenIsUnrecognizedClientException) {
  aws::Credentials no_token = session.credentials;
  no_token.session_token.clear();
  client.set_credentials(no_token);
  http::Response r = client.json("DescribeStacks");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "UnrecognizedClientException");
  EXPECT_EQ(json_message(r), kInvalid);
}

TEST_F(RoleSessionAuth, OneSecondBeforeExpirationTheSessionStillWorks) {
  tw.world->advance(std::chrono::hours(6) - std::chrono::seconds(1));
  EXPECT_EQ(caller_identity().status, 200);
}

TEST_F(RoleSessionAuth, SixHoursAndOneSecondLaterIsExpiredToken) {
  tw.world->advance(std::chrono::hours(6) + std::chrono::seconds(1));
  http::Response r = caller_identity();
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "ExpiredToken");
  EXPECT_EQ(message(r), kExpired);
}

TEST_F(RoleSessionAuth, OpsWorksExpiredSessionIsExpiredTokenException) {
  tw.world->advance(std::chrono::hours(6) + std::chrono::seconds(1));
  http::Response r = client.json("DescribeStacks");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "ExpiredTokenException");
  EXPECT_EQ(json_message(r), kExpired);
}

TEST_F(RoleSessionAuth, DeletingTheRoleInvalidatesItsSessions) {
  mocks::iam::IamModel& iam = tw.world->iam();
  ASSERT_TRUE(iam.remove_role_from_instance_profile(kRole, kRole).ok());
  ASSERT_TRUE(
      iam.detach_role_policy(kRole, "arn:aws:iam::aws:policy/AWSOpsWorksInstanceRegistration")
          .ok());
  ASSERT_TRUE(iam.delete_role(kRole).ok());
  http::Response r = caller_identity();
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "InvalidClientTokenId");
  EXPECT_EQ(message(r), kInvalid);
}

TEST_F(RoleSessionAuth, TheRolesPoliciesAllowWhatTheyAllow) {
  http::Response r = client.json("DescribeStacks");
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST_F(RoleSessionAuth, WhatTheRolesPoliciesDoNotAllowIsAccessDeniedForTheAssumedRole) {
  http::Response r = client.query("iam", "ListUsers");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "AccessDenied");
  EXPECT_EQ(message(r), std::string("User: ") + kAssumedArn +
                            " is not authorized to perform: iam:ListUsers on resource: "
                            "arn:aws:iam::123456789012:user/ because no identity-based policy "
                            "allows the iam:ListUsers action");
}

TEST_F(RoleSessionAuth, GetUserWithoutUserNameIsValidationErrorForRoleCredentials) {
  ASSERT_TRUE(tw.world->iam()
                  .put_role_policy(kRole, "get-user",
                                   R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"
                                   R"("Action":"iam:GetUser","Resource":"*"}]})")
                  .ok());
  http::Response r = client.query("iam", "GetUser");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "ValidationError");
  EXPECT_EQ(message(r), "Must specify userName when calling with non-User credentials");
}

TEST_F(RoleSessionAuth, PresignedRequestCarriesTheTokenInTheQuery) {
  http::Request req;
  req.method = "GET";
  req.path = "/";
  req.query = "Action=GetCallerIdentity&Version=2011-06-15";
  req.headers = {{"Host", "127.0.0.1:1"}};
  req.query = aws::presign_query(req.signable(), session.credentials, "us-east-1", "sts",
                                 tw.world->now(), 900);
  ASSERT_NE(req.query.find("X-Amz-Security-Token="), std::string::npos);
  http::Response r = tw.edge->handle(req);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//GetCallerIdentityResult/Arn"), kAssumedArn);
}

TEST_F(RoleSessionAuth, LongTermKeyWithASessionTokenIsInvalidClientTokenId) {
  aws::Credentials op = tw.world->operator_credentials();
  op.session_token = session.credentials.session_token;
  client.set_credentials(op);
  http::Response r = caller_identity();
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "InvalidClientTokenId");
}

}  // namespace
}  // namespace opsreg
