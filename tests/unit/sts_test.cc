// STS GetCallerIdentity through the edge, and the edge's authentication errors on it.
#include <gtest/gtest.h>

#include "tests/support/edge_client.h"

namespace opsreg {
namespace {

TEST(Sts, GetCallerIdentityNamesTheRootCaller) {
  testing::TestWorld tw;
  testing::EdgeClient client(*tw.edge, tw.world->operator_credentials());
  http::Response r = client.query("sts", "GetCallerIdentity", {}, "2011-06-15");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(testing::xml_text(r, "//GetCallerIdentityResult/Arn"),
            "arn:aws:iam::123456789012:root");
  EXPECT_EQ(testing::xml_text(r, "//GetCallerIdentityResult/Account"), "123456789012");
}

TEST(Sts, WrongSecretIsSignatureDoesNotMatch) {
  testing::TestWorld tw;
  aws::Credentials creds = tw.world->operator_credentials();
  creds.secret_access_key = "not-the-secret";
  testing::EdgeClient client(*tw.edge, creds);
  http::Response r = client.query("sts", "GetCallerIdentity", {}, "2011-06-15");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(testing::error_code(r), "SignatureDoesNotMatch");
  // STS's own namespace on its errors, as AWS sends them (IAM's are IAM's).
  EXPECT_NE(r.body.find("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"),
            std::string::npos)
      << r.body;
  http::Response iam = client.query("iam", "ListUsers");
  EXPECT_NE(iam.body.find("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"),
            std::string::npos)
      << iam.body;
}

TEST(Sts, UnknownKeyIsInvalidClientTokenId) {
  testing::TestWorld tw;
  testing::EdgeClient client(*tw.edge, {"AKIANOSUCHKEY0000000", "x", ""});
  http::Response r = client.query("sts", "GetCallerIdentity", {}, "2011-06-15");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(testing::error_code(r), "InvalidClientTokenId");
}

TEST(Sts, RequestSignedSixteenMinutesAgoIsExpired) {
  testing::TestWorld tw;
  http::Request req;
  req.method = "POST";
  req.path = "/";
  req.body = "Action=GetCallerIdentity&Version=2011-06-15";
  req.headers = {{"Host", "127.0.0.1:1"},
                 {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
  aws::SignableRequest s = req.signable();
  aws::sign_request(s, tw.world->operator_credentials(), "us-east-1", "sts", tw.world->now());
  req.headers = s.headers;
  tw.world->advance(std::chrono::minutes(16));
  http::Response r = tw.edge->handle(req);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(testing::error_code(r), "SignatureDoesNotMatch");
  EXPECT_NE(r.body.find("Signature expired"), std::string::npos) << r.body;
}

TEST(Sts, UnsignedRequestIsMissingAuthenticationToken) {
  testing::TestWorld tw;
  http::Request req;
  req.method = "POST";
  req.path = "/";
  req.body = "Action=GetCallerIdentity&Version=2011-06-15";
  req.headers = {{"Host", "sts.amazonaws.com"}};
  http::Response r = tw.edge->handle(req);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(testing::error_code(r), "MissingAuthenticationToken");
}

}  // namespace
}  // namespace opsreg
