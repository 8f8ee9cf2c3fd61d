// The edge's checks of what a signature claims before it verifies it: the credential scope's
// region (AWS: "Credential should be scoped to a valid region"), a presigned URL's
// X-Amz-Expires (S3: at most a week), X-Amz-Date as a real calendar date, and the service an
// unsigned query call reaches (its own MissingAuthenticationToken, not S3's answer).
#include <gtest/gtest.h>

#include "core/aws/uri.h"
#include "tests/support/edge_client.h"

namespace opsreg {
namespace {

using testing::error_code;

// The message of an XML error (query, EC2 or S3), unescaped.
std::string message(const http::Response& r) { return testing::xml_text(r, "//Message"); }

class EdgeSignatureScope : public ::testing::Test {
 protected:
  // A query call (IAM by default) signed by the operator in `region`.
  http::Response query(const std::string& region, const std::string& service = "iam",
                       const std::string& body = "Action=ListUsers&Version=2010-05-08") {
    http::Request req;
    req.method = "POST";
    req.path = "/";
    req.body = body;
    req.headers = {{"Host", "127.0.0.1:1"},
                   {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
    return send_signed(req, region, service);
  }
  http::Response send_signed(http::Request req, const std::string& region,
                             const std::string& service) {
    aws::SignableRequest s = req.signable();
    aws::sign_request(s, tw.world->operator_credentials(), region, service, tw.world->now());
    req.headers = s.headers;
    return tw.edge->handle(req);
  }
  // A presigned S3 ListBuckets whose X-Amz-Expires is then set to `expires` (unsigned change:
  // the parameter is checked before the signature).
  http::Response presigned_list(int expires_s, const std::string& expires = "") {
    http::Request r;
    r.method = "GET";
    r.path = "/";
    r.headers = {{"Host", "127.0.0.1:1"}};
    r.query = aws::presign_query(r.signable(), tw.world->operator_credentials(), "us-east-1", "s3",
                                 tw.world->now(), expires_s);
    if (!expires.empty()) {
      aws::Params p = aws::parse_query(r.query);
      for (auto& [k, v] : p)
        if (k == "X-Amz-Expires") v = expires;
      r.query = aws::encode_query(p);
    }
    return tw.edge->handle(r);
  }
  testing::TestWorld tw;
};

TEST_F(EdgeSignatureScope, EmptyRegionIsSignatureDoesNotMatch) {
  http::Response r = query("");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "SignatureDoesNotMatch");
  EXPECT_EQ(message(r), "Credential should be scoped to a valid region, not ''.");
}

TEST_F(EdgeSignatureScope, OverlongRegionIsRefusedAndQuotedShort) {
  http::Response r = query(std::string(7000, 'a'));
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "SignatureDoesNotMatch");
  EXPECT_LT(r.body.size(), 1000u) << r.body.size();
}

TEST_F(EdgeSignatureScope, RegionShapedNonsenseIsRefused) {
  for (const char* region : {"xx", "US-EAST-1", "us-east-1 ", "us-east-", "moon-base-1a"}) {
    http::Response r = query(region);
    EXPECT_EQ(error_code(r), "SignatureDoesNotMatch") << region;
  }
}

TEST_F(EdgeSignatureScope, RegionOfAnotherPartitionIsRefused) {
  http::Response r = query("cn-north-1");
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(message(r).find("not 'cn-north-1'"), std::string::npos) << r.body;
}

TEST_F(EdgeSignatureScope, AnyRegionOfThePartitionIsServed) {
  // One edge stands for every regional endpoint: clients with a custom endpoint sign in
  // their own region.
  for (const char* region : {"us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2"})
    EXPECT_EQ(query(region).status, 200) << region;
}

TEST_F(EdgeSignatureScope, EachProtocolAnswersABadRegionItsOwnWay) {
  http::Response ec2 = query("nowhere", "ec2", "Action=DescribeInstances&Version=2016-11-15");
  EXPECT_EQ(ec2.status, 401);
  EXPECT_EQ(error_code(ec2), "AuthFailure");

  http::Request json;
  json.method = "POST";
  json.path = "/";
  json.body = "{}";
  json.headers = {{"Host", "127.0.0.1:1"},
                  {"Content-Type", "application/x-amz-json-1.1"},
                  {"X-Amz-Target", "OpsWorks_20130218.DescribeStacks"}};
  http::Response ops = send_signed(json, "nowhere", "opsworks");
  EXPECT_EQ(ops.status, 400);
  EXPECT_EQ(error_code(ops), "InvalidSignatureException");

  http::Request list;
  list.method = "GET";
  list.path = "/";
  list.headers = {{"Host", "127.0.0.1:1"}};
  http::Response s3 = send_signed(list, "nowhere", "s3");
  EXPECT_EQ(s3.status, 400);
  EXPECT_EQ(error_code(s3), "AuthorizationHeaderMalformed");
  EXPECT_NE(message(s3).find("the region 'nowhere' is wrong; expecting 'us-east-1'"),
            std::string::npos)
      << s3.body;
}

TEST_F(EdgeSignatureScope, PresignedExpiryOfAWeekIsAccepted) {
  EXPECT_EQ(presigned_list(604800).status, 200);
}

TEST_F(EdgeSignatureScope, PresignedExpiryBeyondAWeekIsAuthorizationQueryParametersError) {
  for (int expires : {604801, 9999999}) {
    http::Response r = presigned_list(expires);
    EXPECT_EQ(r.status, 400) << expires;
    EXPECT_EQ(error_code(r), "AuthorizationQueryParametersError") << expires;
    EXPECT_NE(r.body.find("X-Amz-Expires must be less than a week (in seconds) that is 604800"),
              std::string::npos)
        << r.body;
  }
  EXPECT_EQ(error_code(presigned_list(60, "99999999999999999999")),
            "AuthorizationQueryParametersError");
}

TEST_F(EdgeSignatureScope, PresignedExpiryMustBeANonNegativeNumber) {
  http::Response negative = presigned_list(60, "-1");
  EXPECT_EQ(negative.status, 400);
  EXPECT_NE(negative.body.find("X-Amz-Expires must be non-negative"), std::string::npos)
      << negative.body;
  for (const char* bad : {"abc", "1e3", "0x10", "-"}) {
    http::Response r = presigned_list(60, bad);
    EXPECT_EQ(error_code(r), "AuthorizationQueryParametersError") << bad;
    EXPECT_NE(r.body.find("X-Amz-Expires should be a number"), std::string::npos) << r.body;
  }
}

TEST_F(EdgeSignatureScope, ImpossibleAmzDateIsIncompleteSignature) {
  http::Request req;
  req.method = "POST";
  req.path = "/";
  req.body = "Action=ListUsers&Version=2010-05-08";
  req.headers = {{"Host", "127.0.0.1:1"},
                 {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
  aws::SignableRequest s = req.signable();
  aws::sign_request(s, tw.world->operator_credentials(), "us-east-1", "iam", tw.world->now());
  req.headers = s.headers;
  for (auto& [k, v] : req.headers)
    if (k == "X-Amz-Date") v = "20260230T000000Z";
  http::Response r = tw.edge->handle(req);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "IncompleteSignature");
  EXPECT_NE(r.body.find("Invalid date format"), std::string::npos) << r.body;
}

TEST_F(EdgeSignatureScope, UnsignedIamCallIsIamsMissingAuthenticationToken) {
  http::Request req;
  req.method = "POST";
  req.path = "/";
  req.body = "Action=CreateUser&UserName=mallory&Version=2010-05-08";
  req.headers = {{"Host", "127.0.0.1:1"}, {"Content-Type", "application/x-www-form-urlencoded"}};
  http::Response r = tw.edge->handle(req);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "MissingAuthenticationToken");
  EXPECT_NE(r.body.find("Request is missing Authentication Token"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"),
            std::string::npos)
      << r.body;
}

TEST_F(EdgeSignatureScope, UnsignedQueryCallsReachTheServiceOfTheirAction) {
  http::Request req;
  req.method = "GET";
  req.path = "/";
  req.query = "Action=DescribeInstances&Version=2016-11-15";
  req.headers = {{"Host", "127.0.0.1:1"}};
  http::Response ec2 = tw.edge->handle(req);
  EXPECT_EQ(error_code(ec2), "MissingAuthenticationToken") << ec2.body;
  req.query = "Action=GetCallerIdentity&Version=2011-06-15";
  http::Response sts = tw.edge->handle(req);
  EXPECT_EQ(error_code(sts), "MissingAuthenticationToken") << sts.body;
  // An anonymous S3 request at "/" that names no action is still S3's.
  req.query.clear();
  EXPECT_EQ(error_code(tw.edge->handle(req)), "AccessDenied");
}

}  // namespace
}  // namespace opsreg
