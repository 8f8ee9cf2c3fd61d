// S3 object operations through the edge: PutObject (integrity checks, metadata), GetObject,
// HeadObject, DeleteObject, ETags, conditional requests and key round-trips.
#include <gtest/gtest.h>

#include "core/aws/crypto.h"
#include "core/clock/time_format.h"
#include "tests/support/edge_client.h"

namespace opsreg {
namespace {

std::string header(const http::Response& r, std::string_view name) {
  return std::string(aws::find_header(r.headers, name));
}

std::string crc32_b64(std::string_view data) { return aws::base64_encode(aws::crc32_bytes(data)); }

struct S3ObjectTest : ::testing::Test {
  S3ObjectTest() { EXPECT_EQ(s3.rest("PUT", "/bkt").status, 200); }
  testing::TestWorld tw;
  testing::EdgeClient s3{*tw.edge, tw.world->operator_credentials()};
};

TEST_F(S3ObjectTest, PutThenGetReturnsTheBytesWithMd5ETag) {
  http::Response put = s3.rest("PUT", "/bkt/hello.txt", "", "hello world");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(header(put, "ETag"), "\"5eb63bbbe01eeed093cb22bb8f5acdc3\"");
  http::Response get = s3.rest("GET", "/bkt/hello.txt");
  ASSERT_EQ(get.status, 200) << get.body;
  EXPECT_EQ(get.body, "hello world");
  EXPECT_EQ(header(get, "ETag"), "\"5eb63bbbe01eeed093cb22bb8f5acdc3\"");
  EXPECT_EQ(header(get, "Accept-Ranges"), "bytes");
  EXPECT_EQ(header(get, "Last-Modified"), format_http_date(tw.world->now()));
  EXPECT_EQ(get.header("Content-Type"), "binary/octet-stream");
}

TEST_F(S3ObjectTest, ContentTypeAndUserMetadataAreKept) {
  ASSERT_EQ(s3.rest("PUT", "/bkt/m", "", "{}",
                    {{"Content-Type", "application/json"}, {"X-Amz-Meta-Owner", "ops team"}})
                .status,
            200);
  http::Response get = s3.rest("GET", "/bkt/m");
  EXPECT_EQ(get.header("Content-Type"), "application/json");
  EXPECT_EQ(header(get, "x-amz-meta-owner"), "ops team");
}

TEST_F(S3ObjectTest, HeadObjectHasTheHeadersButNoBody) {
  ASSERT_EQ(s3.rest("PUT", "/bkt/h", "", "12345").status, 200);
  http::Response r = s3.rest("HEAD", "/bkt/h");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(header(r, "Content-Length"), "5");
  EXPECT_EQ(header(r, "ETag"), "\"827ccb0eea8a706c4c34a16891f84e7b\"");
}

TEST_F(S3ObjectTest, HeadOfAMissingKeyIs404WithoutBody) {
  http::Response r = s3.rest("HEAD", "/bkt/missing");
  EXPECT_EQ(r.status, 404);
  EXPECT_TRUE(r.body.empty());
}

TEST_F(S3ObjectTest, GetOfAMissingKeyIsNoSuchKey) {
  http::Response r = s3.rest("GET", "/bkt/missing");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(testing::error_code(r), "NoSuchKey");
  EXPECT_EQ(testing::xml_text(r, "//Error/Resource"), "/bkt/missing");
}

TEST_F(S3ObjectTest, DeleteObjectIs204AndIdempotent) {
  ASSERT_EQ(s3.rest("PUT", "/bkt/gone", "", "x").status, 200);
  EXPECT_EQ(s3.rest("DELETE", "/bkt/gone").status, 204);
  EXPECT_EQ(s3.rest("DELETE", "/bkt/gone").status, 204);
  EXPECT_EQ(s3.rest("GET", "/bkt/gone").status, 404);
}

TEST_F(S3ObjectTest, KeysWithSpacesUtf8PlusAndEncodedSlashRoundTrip) {
  const std::string key = "dir/a b+c%2Fd \xC3\xBC.txt";
  http::Response put = s3.rest("PUT", "/bkt/" + aws::uri_encode(key, true), "", "data");
  ASSERT_EQ(put.status, 200) << put.body;
  http::Response get = s3.rest("GET", "/bkt/" + aws::uri_encode(key, true));
  ASSERT_EQ(get.status, 200) << get.body;
  EXPECT_EQ(get.body, "data");
  http::Response list = s3.rest("GET", "/bkt", "list-type=2");
  EXPECT_EQ(testing::xml_text(list, "//Contents/Key"), key);
}

TEST_F(S3ObjectTest, ContentMd5MismatchIsBadDigest) {
  http::Response r = s3.rest("PUT", "/bkt/k", "", "payload",
                             {{"Content-MD5", aws::base64_encode(std::string(16, 'x'))}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "BadDigest");
  EXPECT_EQ(s3.rest("GET", "/bkt/k").status, 404);
}

TEST_F(S3ObjectTest, MalformedContentMd5IsInvalidDigest) {
  http::Response r = s3.rest("PUT", "/bkt/k", "", "payload", {{"Content-MD5", "bm90LW1kNQ=="}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "InvalidDigest");
}

TEST_F(S3ObjectTest, MatchingContentMd5IsAccepted) {
  std::string md5_hex = aws::md5_hex("payload");
  std::string raw;
  for (size_t i = 0; i < md5_hex.size(); i += 2)
    raw.push_back(static_cast<char>(std::stoi(md5_hex.substr(i, 2), nullptr, 16)));
  http::Response r =
      s3.rest("PUT", "/bkt/k", "", "payload", {{"Content-MD5", aws::base64_encode(raw)}});
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST_F(S3ObjectTest, Crc32ChecksumMismatchIsBadDigest) {
  http::Response r =
      s3.rest("PUT", "/bkt/k", "", "payload", {{"x-amz-checksum-crc32", crc32_b64("other")}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "BadDigest");
}

TEST_F(S3ObjectTest, Crc32ChecksumIsVerifiedEchoedAndReturnedInChecksumMode) {
  http::Response r =
      s3.rest("PUT", "/bkt/k", "", "payload", {{"x-amz-checksum-crc32", crc32_b64("payload")}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(header(r, "x-amz-checksum-crc32"), crc32_b64("payload"));
  http::Response get = s3.rest("GET", "/bkt/k", "", "", {{"x-amz-checksum-mode", "ENABLED"}});
  EXPECT_EQ(header(get, "x-amz-checksum-crc32"), crc32_b64("payload"));
}

TEST_F(S3ObjectTest, MalformedCrc32ChecksumIsInvalidRequest) {
  http::Response r = s3.rest("PUT", "/bkt/k", "", "payload", {{"x-amz-checksum-crc32", "%%"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "InvalidRequest");
}

TEST_F(S3ObjectTest, AwsChunkedBodyIsDecodedAndItsTrailerChecksumVerified) {
  std::string body =
      "5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:" + crc32_b64("hello world") +
      "\r\n\r\n";
  aws::Headers headers = {{"Content-Encoding", "aws-chunked"},
                          {"x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"},
                          {"x-amz-decoded-content-length", "11"},
                          {"x-amz-trailer", "x-amz-checksum-crc32"}};
  http::Response r = s3.rest("PUT", "/bkt/chunked", "", body, headers);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(header(r, "ETag"), "\"5eb63bbbe01eeed093cb22bb8f5acdc3\"");
  http::Response get = s3.rest("GET", "/bkt/chunked");
  EXPECT_EQ(get.body, "hello world");
  EXPECT_EQ(header(get, "Content-Encoding"), "");
}

TEST_F(S3ObjectTest, AwsChunkedTrailerChecksumMismatchIsBadDigest) {
  std::string body = "5\r\nhello\r\n0\r\nx-amz-checksum-crc32:" + crc32_b64("HELLO") + "\r\n\r\n";
  aws::Headers headers = {{"Content-Encoding", "aws-chunked"},
                          {"x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"},
                          {"x-amz-decoded-content-length", "5"}};
  http::Response r = s3.rest("PUT", "/bkt/chunked", "", body, headers);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "BadDigest");
}

TEST_F(S3ObjectTest, AwsChunkedLengthMismatchIsIncompleteBody) {
  aws::Headers headers = {{"Content-Encoding", "aws-chunked"},
                          {"x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"},
                          {"x-amz-decoded-content-length", "9"}};
  http::Response r = s3.rest("PUT", "/bkt/chunked", "", "5\r\nhello\r\n0\r\n\r\n", headers);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "IncompleteBody");
}

TEST_F(S3ObjectTest, IfNoneMatchWithTheETagIsNotModified) {
  http::Response put = s3.rest("PUT", "/bkt/c", "", "cached");
  http::Response r = s3.rest("GET", "/bkt/c", "", "", {{"If-None-Match", header(put, "ETag")}});
  EXPECT_EQ(r.status, 304);
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(header(r, "ETag"), header(put, "ETag"));
  r = s3.rest("GET", "/bkt/c", "", "", {{"If-None-Match", "\"other\""}});
  EXPECT_EQ(r.status, 200);
}

TEST_F(S3ObjectTest, IfMatchWithAnotherETagIsPreconditionFailed) {
  ASSERT_EQ(s3.rest("PUT", "/bkt/c", "", "cached").status, 200);
  http::Response r = s3.rest("GET", "/bkt/c", "", "", {{"If-Match", "\"other\""}});
  EXPECT_EQ(r.status, 412);
  EXPECT_EQ(testing::error_code(r), "PreconditionFailed");
}

TEST_F(S3ObjectTest, IfModifiedSinceLastWriteIsNotModified) {
  ASSERT_EQ(s3.rest("PUT", "/bkt/c", "", "cached").status, 200);
  std::string at = format_http_date(tw.world->now());
  EXPECT_EQ(s3.rest("GET", "/bkt/c", "", "", {{"If-Modified-Since", at}}).status, 304);
  tw.world->advance(std::chrono::minutes(1));
  ASSERT_EQ(s3.rest("PUT", "/bkt/c", "", "changed").status, 200);
  EXPECT_EQ(s3.rest("GET", "/bkt/c", "", "", {{"If-Modified-Since", at}}).status, 200);
}

TEST_F(S3ObjectTest, LastModifiedFollowsTheWorldClock) {
  ASSERT_EQ(s3.rest("PUT", "/bkt/t", "", "1").status, 200);
  tw.world->advance(std::chrono::hours(3));
  ASSERT_EQ(s3.rest("PUT", "/bkt/t", "", "2").status, 200);
  EXPECT_EQ(header(s3.rest("HEAD", "/bkt/t"), "Last-Modified"), format_http_date(tw.world->now()));
}

TEST_F(S3ObjectTest, ResponseContentTypeOverrideIsHonoured) {
  ASSERT_EQ(s3.rest("PUT", "/bkt/o", "", "x").status, 200);
  http::Response r = s3.rest("GET", "/bkt/o", "response-content-type=text%2Fplain");
  EXPECT_EQ(r.header("Content-Type"), "text/plain");
}

TEST_F(S3ObjectTest, DeleteObjectsRemovesEachKeyAndReportsIt) {
  ASSERT_EQ(s3.rest("PUT", "/bkt/one", "", "1").status, 200);
  ASSERT_EQ(s3.rest("PUT", "/bkt/two", "", "2").status, 200);
  const std::string body =
      "<Delete><Object><Key>one</Key></Object><Object><Key>two</Key></Object>"
      "<Object><Key>never-there</Key></Object></Delete>";
  http::Response r =
      s3.rest("POST", "/bkt", "delete=", body, {{"x-amz-checksum-crc32", crc32_b64(body)}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(testing::xml_text(r, "//DeleteResult/Deleted[1]/Key"), "one");
  EXPECT_EQ(testing::xml_text(r, "//DeleteResult/Deleted[3]/Key"), "never-there");
  EXPECT_EQ(s3.rest("GET", "/bkt/two").status, 404);
}

TEST_F(S3ObjectTest, DeleteObjectsWithoutAnIntegrityHeaderIsInvalidRequest) {
  http::Response r =
      s3.rest("POST", "/bkt", "delete=", "<Delete><Object><Key>k</Key></Object></Delete>");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "InvalidRequest");
}

}  // namespace
}  // namespace opsreg
