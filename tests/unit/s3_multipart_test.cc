// S3 multipart uploads through the edge: create, upload parts, complete with S3's multipart
// ETag (md5 of the part md5s + "-N"), abort, and the errors for bad part lists.
#include <gtest/gtest.h>

#include "core/aws/crypto.h"
#include "tests/support/edge_client.h"

namespace opsreg {
namespace {

constexpr size_t kMiB = 1024 * 1024;

std::string raw_md5(const std::string& data) {
  std::string hex = aws::md5_hex(data), raw;
  for (size_t i = 0; i < hex.size(); i += 2)
    raw.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return raw;
}

struct S3MultipartTest : ::testing::Test {
  S3MultipartTest() { EXPECT_EQ(s3.rest("PUT", "/bkt").status, 200); }
  std::string create(const std::string& key) {
    http::Response r = s3.rest("POST", "/bkt/" + key, "uploads=", "",
                               {{"Content-Type", "video/mp4"}, {"x-amz-meta-kind", "clip"}});
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(testing::xml_text(r, "//InitiateMultipartUploadResult/Key"), key);
    return testing::xml_text(r, "//InitiateMultipartUploadResult/UploadId");
  }
  std::string part(const std::string& key, const std::string& id, int n, const std::string& data) {
    http::Response r =
        s3.rest("PUT", "/bkt/" + key, "partNumber=" + std::to_string(n) + "&uploadId=" + id, data);
    EXPECT_EQ(r.status, 200) << r.body;
    return std::string(aws::find_header(r.headers, "ETag"));
  }
  http::Response complete(const std::string& key, const std::string& id,
                          const std::vector<std::pair<int, std::string>>& parts) {
    std::string body = "<CompleteMultipartUpload>";
    for (const auto& [n, etag] : parts)
      body += "<Part><PartNumber>" + std::to_string(n) + "</PartNumber><ETag>" + etag +
              "</ETag></Part>";
    body += "</CompleteMultipartUpload>";
    return s3.rest("POST", "/bkt/" + key, "uploadId=" + id, body);
  }
  testing::TestWorld tw;
  testing::EdgeClient s3{*tw.edge, tw.world->operator_credentials()};
};

TEST_F(S3MultipartTest, CompletedUploadIsTheConcatenationWithAMultipartETag) {
  std::string a(5 * kMiB, 'a'), b = "tail";
  std::string id = create("big");
  ASSERT_FALSE(id.empty());
  std::string ea = part("big", id, 1, a), eb = part("big", id, 2, b);
  EXPECT_EQ(ea, "\"" + aws::md5_hex(a) + "\"");
  http::Response r = complete("big", id, {{1, ea}, {2, eb}});
  ASSERT_EQ(r.status, 200) << r.body;
  std::string etag = "\"" + aws::md5_hex(raw_md5(a) + raw_md5(b)) + "-2\"";
  EXPECT_EQ(testing::xml_text(r, "//CompleteMultipartUploadResult/ETag"), etag);
  http::Response get = s3.rest("GET", "/bkt/big");
  EXPECT_EQ(get.body.size(), a.size() + b.size());
  EXPECT_TRUE(get.body == a + b);
  EXPECT_EQ(aws::find_header(get.headers, "ETag"), etag);
  EXPECT_EQ(get.header("Content-Type"), "video/mp4");
  EXPECT_EQ(aws::find_header(get.headers, "x-amz-meta-kind"), "clip");
}

TEST_F(S3MultipartTest, SmallNonLastPartIsEntityTooSmall) {
  std::string id = create("k");
  std::string e1 = part("k", id, 1, "small"), e2 = part("k", id, 2, "last");
  http::Response r = complete("k", id, {{1, e1}, {2, e2}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "EntityTooSmall");
}

TEST_F(S3MultipartTest, PartsOutOfOrderAreInvalidPartOrder) {
  std::string id = create("k");
  std::string e1 = part("k", id, 1, std::string(5 * kMiB, 'x')), e2 = part("k", id, 2, "y");
  http::Response r = complete("k", id, {{2, e2}, {1, e1}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "InvalidPartOrder");
}

TEST_F(S3MultipartTest, WrongPartETagIsInvalidPart) {
  std::string id = create("k");
  part("k", id, 1, "only");
  http::Response r = complete("k", id, {{1, "\"0000\""}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "InvalidPart");
}

TEST_F(S3MultipartTest, AbortedUploadIsNoSuchUpload) {
  std::string id = create("k");
  std::string e1 = part("k", id, 1, "data");
  EXPECT_EQ(s3.rest("DELETE", "/bkt/k", "uploadId=" + id).status, 204);
  http::Response r = complete("k", id, {{1, e1}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(testing::error_code(r), "NoSuchUpload");
  EXPECT_EQ(s3.rest("GET", "/bkt/k").status, 404);
}

TEST_F(S3MultipartTest, UnknownUploadIdIsNoSuchUpload) {
  http::Response r = s3.rest("PUT", "/bkt/k", "partNumber=1&uploadId=nope", "data");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(testing::error_code(r), "NoSuchUpload");
}

TEST_F(S3MultipartTest, PartNumberOutOfRangeIsInvalidArgument) {
  std::string id = create("k");
  http::Response r = s3.rest("PUT", "/bkt/k", "partNumber=10001&uploadId=" + id, "data");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "InvalidArgument");
}

TEST_F(S3MultipartTest, MalformedCompleteBodyIsMalformedXML) {
  std::string id = create("k");
  http::Response r = s3.rest("POST", "/bkt/k", "uploadId=" + id, "<Complete");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "MalformedXML");
}

}  // namespace
}  // namespace opsreg
