// S3's dispatch on the operation name s3_operation() gives: operations the fake does not
// implement are NotImplemented, a method that names none is MethodNotAllowed, and the name a
// fault rule sees is the one the service dispatched on.
#include <gtest/gtest.h>

#include "mocks/services/operation_name.h"
#include "tests/support/edge_client.h"

namespace opsreg {
namespace {

struct S3DispatchTest : ::testing::Test {
  void SetUp() override {
    ASSERT_EQ(s3.rest("PUT", "/dispatch").status, 200);
    ASSERT_EQ(s3.rest("PUT", "/dispatch/k", "", "bytes").status, 200);
  }
  testing::TestWorld tw;
  testing::EdgeClient s3{*tw.edge, tw.world->operator_credentials()};
};

std::string name_of(std::string method, std::string path, std::string query = "",
                    aws::Headers headers = {}) {
  http::Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.query = std::move(query);
  r.headers = std::move(headers);
  return mocks::s3_operation(r);
}

TEST_F(S3DispatchTest, NamedOperationsTheFakeDoesNotImplementAreNotImplemented) {
  const aws::Headers copy = {{"x-amz-copy-source", "/dispatch/k"}};
  EXPECT_EQ(name_of("GET", "/dispatch", "uploads"), "ListMultipartUploads");
  EXPECT_EQ(name_of("GET", "/dispatch/k", "uploadId=u"), "ListParts");
  EXPECT_EQ(name_of("PUT", "/dispatch/k2", "partNumber=1&uploadId=u", copy), "UploadPartCopy");
  for (const auto& [method, path, query] :
       {std::tuple{"GET", "/dispatch", "uploads="}, {"GET", "/dispatch/k", "uploadId=u"}}) {
    http::Response r = s3.rest(method, path, query);
    EXPECT_EQ(r.status, 501) << path << "?" << query;
    EXPECT_EQ(testing::error_code(r), "NotImplemented") << path << "?" << query;
  }
  http::Response r = s3.rest("PUT", "/dispatch/k2", "partNumber=1&uploadId=u", "", copy);
  EXPECT_EQ(r.status, 501);
  EXPECT_EQ(testing::error_code(r), "NotImplemented");
}

TEST_F(S3DispatchTest, HeadWithAnUploadIdIsListPartsAndAnswersWithTheStatusAlone) {
  EXPECT_EQ(name_of("HEAD", "/dispatch/k", "uploadId=u"), "ListParts");
  http::Response r = s3.rest("HEAD", "/dispatch/k", "uploadId=u");
  EXPECT_EQ(r.status, 501);
  EXPECT_TRUE(r.body.empty());
}

TEST_F(S3DispatchTest, AMethodThatNamesNoOperationIsMethodNotAllowed) {
  EXPECT_EQ(name_of("PUT", "/"), "PUT");
  http::Response r = s3.rest("PUT", "/");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(testing::error_code(r), "MethodNotAllowed");
}

TEST_F(S3DispatchTest, AnEmptyFirstSegmentIsTheServiceRoot) {
  EXPECT_EQ(name_of("GET", "//k"), "ListBuckets");
  http::Response r = s3.rest("GET", "//k");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("<Name>dispatch</Name>"), std::string::npos) << r.body;
}

TEST_F(S3DispatchTest, AFaultRuleMatchesTheNameTheServiceDispatchesOn) {
  ASSERT_TRUE(tw.world->faults()
                  .add_json({{{"service", "s3"}, {"operation", "HeadObject"}, {"status", 503}}})
                  .ok());
  EXPECT_EQ(s3.rest("GET", "/dispatch/k").status, 200);
  EXPECT_EQ(s3.rest("HEAD", "/dispatch/k").status, 503);
}

}  // namespace
}  // namespace opsreg
