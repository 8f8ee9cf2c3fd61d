// S3 bucket operations through the edge: ListBuckets, CreateBucket (naming and location rules),
// DeleteBucket, HeadBucket, GetBucketLocation, and S3's errors for them.
#include <gtest/gtest.h>

#include "tests/support/edge_client.h"

namespace opsreg {
namespace {

struct S3BucketTest : ::testing::Test {
  testing::TestWorld tw;
  testing::EdgeClient s3{*tw.edge, tw.world->operator_credentials()};
};

TEST_F(S3BucketTest, CreateBucketThenListBucketsNamesIt) {
  http::Response r = s3.rest("PUT", "/my-bucket");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(aws::find_header(r.headers, "Location"), "/my-bucket");
  r = s3.rest("GET", "/");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("<Name>my-bucket</Name>"), std::string::npos) << r.body;
  EXPECT_EQ(testing::xml_text(r, "//ListAllMyBucketsResult/Owner/DisplayName"), "opsreg");
}

TEST_F(S3BucketTest, WorldStartsWithThePublicInstallerAndAssetsBuckets) {
  http::Response r = s3.rest("GET", "/");
  EXPECT_NE(r.body.find("<Name>opsworks-instance-agent-us-east-1</Name>"), std::string::npos);
  EXPECT_NE(r.body.find("<Name>opsworks-instance-assets-us-east-1</Name>"), std::string::npos);
}

TEST_F(S3BucketTest, BucketNamesFollowS3NamingRules) {
  for (const char* bad :
       {"ab", "Upper-case", "under_score", "-starts-with-dash", "ends-with-dash-", "two..dots",
        "192.168.5.4", "xn--punycode", "sthree-bucket", "name-s3alias", "name--ol-s3",
        "a123456789012345678901234567890123456789012345678901234567890123"}) {
    http::Response r = s3.rest("PUT", "/" + std::string(bad));
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(testing::error_code(r), "InvalidBucketName") << bad;
  }
  for (const char* good : {"abc", "my.bucket.name", "0-numbers-9", "a1b"}) {
    EXPECT_EQ(s3.rest("PUT", "/" + std::string(good)).status, 200) << good;
  }
}

TEST_F(S3BucketTest, RecreatingOwnBucketInUsEast1IsOkForLegacyCompatibility) {
  ASSERT_EQ(s3.rest("PUT", "/twice").status, 200);
  EXPECT_EQ(s3.rest("PUT", "/twice").status, 200);
}

TEST_F(S3BucketTest, RecreatingOwnBucketElsewhereIsBucketAlreadyOwnedByYou) {
  testing::EdgeClient eu(*tw.edge, tw.world->operator_credentials(), "eu-west-1");
  const std::string body =
      "<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint>"
      "</CreateBucketConfiguration>";
  ASSERT_EQ(eu.rest("PUT", "/euro-bucket", "", body).status, 200);
  http::Response r = eu.rest("PUT", "/euro-bucket", "", body);
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(testing::error_code(r), "BucketAlreadyOwnedByYou");
}

TEST_F(S3BucketTest, LocationConstraintBecomesTheBucketRegion) {
  const std::string body =
      "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
      "<LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>";
  ASSERT_EQ(s3.rest("PUT", "/euro", "", body).status, 200);
  http::Response r = s3.rest("GET", "/euro", "location=");
  EXPECT_EQ(testing::xml_text(r, "//LocationConstraint"), "eu-west-1");
  r = s3.rest("HEAD", "/euro");
  EXPECT_EQ(aws::find_header(r.headers, "x-amz-bucket-region"), "eu-west-1");
}

TEST_F(S3BucketTest, UsEast1IsNotAValidLocationConstraint) {
  http::Response r = s3.rest("PUT", "/b-east", "",
                             "<CreateBucketConfiguration><LocationConstraint>us-east-1"
                             "</LocationConstraint></CreateBucketConfiguration>");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "InvalidLocationConstraint");
}

TEST_F(S3BucketTest, NoLocationConstraintOnARegionalEndpointIsIllegal) {
  testing::EdgeClient eu(*tw.edge, tw.world->operator_credentials(), "eu-west-1");
  http::Response r = eu.rest("PUT", "/no-constraint");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "IllegalLocationConstraintException");
}

TEST_F(S3BucketTest, MalformedCreateBucketConfigurationIsMalformedXML) {
  http::Response r = s3.rest("PUT", "/bad-xml", "", "<CreateBucketConfiguration>");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "MalformedXML");
}

TEST_F(S3BucketTest, DeleteBucketWithObjectsIsBucketNotEmpty) {
  ASSERT_EQ(s3.rest("PUT", "/full").status, 200);
  ASSERT_EQ(s3.rest("PUT", "/full/k", "", "x").status, 200);
  http::Response r = s3.rest("DELETE", "/full");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(testing::error_code(r), "BucketNotEmpty");
  EXPECT_EQ(testing::xml_text(r, "//Error/Resource"), "/full");
  ASSERT_EQ(s3.rest("DELETE", "/full/k").status, 204);
  EXPECT_EQ(s3.rest("DELETE", "/full").status, 204);
  EXPECT_EQ(s3.rest("HEAD", "/full").status, 404);
}

TEST_F(S3BucketTest, MissingBucketIsNoSuchBucket) {
  for (const char* method : {"GET", "DELETE"}) {
    http::Response r = s3.rest(method, "/nobody-here");
    EXPECT_EQ(r.status, 404) << method;
    EXPECT_EQ(testing::error_code(r), "NoSuchBucket") << method;
  }
  http::Response r = s3.rest("PUT", "/nobody-here/key", "", "x");
  EXPECT_EQ(testing::error_code(r), "NoSuchBucket");
}

TEST_F(S3BucketTest, HeadBucketAnswersWithoutBody) {
  ASSERT_EQ(s3.rest("PUT", "/headed").status, 200);
  http::Response r = s3.rest("HEAD", "/headed");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(aws::find_header(r.headers, "x-amz-bucket-region"), "us-east-1");
  r = s3.rest("HEAD", "/missing-bucket");
  EXPECT_EQ(r.status, 404);
  EXPECT_TRUE(r.body.empty());
}

TEST_F(S3BucketTest, PlainPostIsMethodNotAllowed) {
  ASSERT_EQ(s3.rest("PUT", "/posted").status, 200);
  for (const char* path : {"/posted", "/posted/key"}) {
    http::Response r = s3.rest("POST", path);
    EXPECT_EQ(r.status, 405) << path;
    EXPECT_EQ(testing::error_code(r), "MethodNotAllowed") << path;
  }
}

TEST_F(S3BucketTest, UnmodelledSubresourceIsNotImplemented) {
  ASSERT_EQ(s3.rest("PUT", "/subres").status, 200);
  http::Response r = s3.rest("GET", "/subres", "acl=");
  EXPECT_EQ(r.status, 501);
  EXPECT_EQ(testing::error_code(r), "NotImplemented");
}

TEST_F(S3BucketTest, WorldFileBucketsAreLoadedWithTheirObjects) {
  nlohmann::json world = {{"buckets",
                           {{{"name", "seeded"},
                             {"region", "eu-west-1"},
                             {"objects", {{{"key", "a.txt"}, {"content", "alpha"}}}}}}}};
  testing::TestWorld seeded(world);
  testing::EdgeClient client(*seeded.edge, seeded.world->operator_credentials());
  http::Response r = client.rest("GET", "/seeded/a.txt");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body, "alpha");
  EXPECT_EQ(aws::find_header(client.rest("HEAD", "/seeded").headers, "x-amz-bucket-region"),
            "eu-west-1");
}

TEST_F(S3BucketTest, WorldFileWithAnInvalidBucketNameIsRejected) {
  nlohmann::json world = {{"buckets", {{{"name", "Bad_Name"}}}}};
  auto w = mocks::World::from_json(world, mocks::ClockMode::kVirtual);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().code, "ValidationError");
  EXPECT_NE(w.error().message.find("Bad_Name"), std::string::npos);
}

}  // namespace
}  // namespace opsreg
