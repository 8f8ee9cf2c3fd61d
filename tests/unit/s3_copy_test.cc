// S3 CopyObject through the edge: the copy's bytes, ETag and metadata (COPY or REPLACE), the
// CopyObjectResult, and S3's errors (missing source, bad source, a copy onto itself, no rights).
#include <gtest/gtest.h>

#include "core/clock/time_format.h"
#include "tests/support/edge_client.h"

namespace opsreg {
namespace {

using testing::error_code;
using testing::xml_text;

std::string header(const http::Response& r, std::string_view name) {
  return std::string(aws::find_header(r.headers, name));
}

struct S3CopyTest : ::testing::Test {
  S3CopyTest() {
    EXPECT_EQ(s3.rest("PUT", "/src").status, 200);
    EXPECT_EQ(s3.rest("PUT", "/dst").status, 200);
    EXPECT_EQ(s3.rest("PUT", "/src/a.txt", "", "hello world",
                      {{"Content-Type", "text/plain"}, {"X-Amz-Meta-Owner", "ops"}})
                  .status,
              200);
  }
  http::Response copy(const std::string& to, const std::string& from, aws::Headers extra = {}) {
    extra.emplace_back("x-amz-copy-source", from);
    return s3.rest("PUT", to, "", "", extra);
  }
  testing::TestWorld tw;
  testing::EdgeClient s3{*tw.edge, tw.world->operator_credentials()};
};

TEST_F(S3CopyTest, CopyKeepsBytesTypeAndMetadataAndAnswersCopyObjectResult) {
  http::Response r = copy("/dst/b.txt", "/src/a.txt");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(xml_text(r, "//CopyObjectResult/ETag"), "\"5eb63bbbe01eeed093cb22bb8f5acdc3\"");
  EXPECT_EQ(xml_text(r, "//CopyObjectResult/LastModified"), format_iso8601_millis(tw.world->now()));
  http::Response get = s3.rest("GET", "/dst/b.txt");
  EXPECT_EQ(get.body, "hello world");
  EXPECT_EQ(get.header("Content-Type"), "text/plain");
  EXPECT_EQ(header(get, "x-amz-meta-owner"), "ops");
}

TEST_F(S3CopyTest, ReplaceTakesTheRequestsMetadataAndType) {
  http::Response r = copy("/src/a.txt", "src/a.txt",
                          {{"x-amz-metadata-directive", "REPLACE"},
                           {"Content-Type", "application/json"},
                           {"X-Amz-Meta-Team", "web"}});
  ASSERT_EQ(r.status, 200) << r.body;
  http::Response get = s3.rest("GET", "/src/a.txt");
  EXPECT_EQ(get.header("Content-Type"), "application/json");
  EXPECT_EQ(header(get, "x-amz-meta-team"), "web");
  EXPECT_EQ(header(get, "x-amz-meta-owner"), "");
}

TEST_F(S3CopyTest, TheSourceIsUrlEncodedAsSdksSendIt) {
  ASSERT_EQ(s3.rest("PUT", "/src/a%20b%2Bc.txt", "", "spaced").status, 200);
  http::Response r = copy("/dst/copy.txt", "src/a%20b%2Bc.txt");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(s3.rest("GET", "/dst/copy.txt").body, "spaced");
}

TEST_F(S3CopyTest, CopyOntoItselfWithoutChangesIsInvalidRequest) {
  http::Response r = copy("/src/a.txt", "/src/a.txt");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "InvalidRequest");
}

TEST_F(S3CopyTest, MissingSourceIsNoSuchKeyAndBadSourceInvalidArgument) {
  EXPECT_EQ(error_code(copy("/dst/b", "/src/nope")), "NoSuchKey");
  EXPECT_EQ(error_code(copy("/dst/b", "/nobucket/a.txt")), "NoSuchBucket");
  http::Response bad = copy("/dst/b", "just-a-bucket");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(error_code(bad), "InvalidArgument");
  EXPECT_EQ(error_code(copy("/dst/b", "/src/a.txt", {{"x-amz-metadata-directive", "MOVE"}})),
            "InvalidArgument");
}

TEST_F(S3CopyTest, ACallerWithoutRightsOnTheSourceIsAccessDenied) {
  tw.world->iam().create_user("copier", "/").value();
  auto key = tw.world->iam().create_access_key("copier").value();
  ASSERT_TRUE(tw.world->iam()
                  .put_user_policy("copier", "put-only",
                                   R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"
                                   R"("Action":"s3:PutObject","Resource":"*"}]})")
                  .ok());
  testing::EdgeClient copier(*tw.edge, {key.access_key_id, key.secret_access_key, ""});
  http::Response r =
      copier.rest("PUT", "/dst/b.txt", "", "", {{"x-amz-copy-source", "/src/a.txt"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "AccessDenied");
}

}  // namespace
}  // namespace opsreg
