// The S3 operations of the client by botocore's names (core/clients/s3_wire.h): the request
// each one sends, what is read back from its answer, and errors as botocore reports them.
#include <gtest/gtest.h>

#include "core/clients/s3_wire.h"

namespace opsreg::clients {
namespace {

using nlohmann::json;

http::Request request(const std::string& op, const json& params) {
  auto r = s3_request(op, params);
  EXPECT_TRUE(r.ok()) << r.error().message;
  return r.ok() ? *r : http::Request{};
}

const json kInstaller = {{"Bucket", "opsworks-instance-agent-us-east-1"},
                         {"Key", "installer/opsworks-agent-installer.tgz"}};

TEST(ClientsS3Wire, ListBucketsIsAGetOfTheServiceRoot) {
  http::Request r = request("ListBuckets", json::object());
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.path, "/");
  EXPECT_EQ(r.query, "");
  EXPECT_EQ(r.body, "");
}

TEST(ClientsS3Wire, ObjectKeysArePathStyleAndPercentEncodedWithSlashesKept) {
  http::Request r =
      request("GetObject", {{"Bucket", "b"}, {"Key", "dir/a b+c~d.txt"}, {"Range", "bytes=0-9"}});
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.path, "/b/dir/a%20b%2Bc~d.txt");
  EXPECT_EQ(r.header("Range"), "bytes=0-9");
  EXPECT_EQ(request("HeadObject", kInstaller).method, "HEAD");
  EXPECT_EQ(request("HeadObject", kInstaller).path,
            "/opsworks-instance-agent-us-east-1/installer/opsworks-agent-installer.tgz");
  EXPECT_EQ(request("DeleteObject", kInstaller).method, "DELETE");
}

TEST(ClientsS3Wire, ListObjectsV2CarriesListTypeAndItsMembersInTheQuery) {
  http::Request r =
      request("ListObjectsV2", {{"Bucket", "b"}, {"Prefix", "installer/"}, {"MaxKeys", 2}});
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.path, "/b");
  EXPECT_EQ(r.query, "list-type=2&max-keys=2&prefix=installer%2F");
}

TEST(ClientsS3Wire, CreateBucketSendsItsLocationConstraintAsXml) {
  EXPECT_EQ(request("CreateBucket", {{"Bucket", "b"}}).body, "");
  http::Request r = request(
      "CreateBucket",
      {{"Bucket", "b"}, {"CreateBucketConfiguration", {{"LocationConstraint", "eu-west-1"}}}});
  EXPECT_EQ(r.method, "PUT");
  EXPECT_EQ(r.path, "/b");
  EXPECT_EQ(r.body,
            "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            "<LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>");
  EXPECT_EQ(request("DeleteBucket", {{"Bucket", "b"}}).method, "DELETE");
}

TEST(ClientsS3Wire, PutObjectSendsBodyContentTypeMetadataAndBotocoresCrc32) {
  http::Request r = request("PutObject", {{"Bucket", "b"},
                                          {"Key", "k"},
                                          {"Body", "hello"},
                                          {"ContentType", "text/plain"},
                                          {"Metadata", {{"owner", "ops"}}}});
  EXPECT_EQ(r.method, "PUT");
  EXPECT_EQ(r.path, "/b/k");
  EXPECT_EQ(r.body, "hello");
  EXPECT_EQ(r.header("Content-Type"), "text/plain");
  EXPECT_EQ(r.header("x-amz-meta-owner"), "ops");
  EXPECT_EQ(r.header("x-amz-sdk-checksum-algorithm"), "CRC32");
  EXPECT_EQ(r.header("x-amz-checksum-crc32"), "NhCmhg==");  // crc32("hello") = 0x3610a686
}

TEST(ClientsS3Wire, CopySourceIsQuotedAsBotocoreQuotesIt) {
  http::Request r =
      request("CopyObject", {{"Bucket", "b"}, {"Key", "copy"}, {"CopySource", "src/a b.txt"}});
  EXPECT_EQ(r.method, "PUT");
  EXPECT_EQ(r.path, "/b/copy");
  EXPECT_EQ(r.header("x-amz-copy-source"), "src/a%20b.txt");
  r = request("CopyObject",
              {{"Bucket", "b"}, {"Key", "copy"}, {"CopySource", "src/k?versionId=v+1"}});
  EXPECT_EQ(r.header("x-amz-copy-source"), "src/k?versionId=v+1");
  r = request("CopyObject",
              {{"Bucket", "b"},
               {"Key", "copy"},
               {"CopySource", {{"Bucket", "src"}, {"Key", "dir/x y"}, {"VersionId", "v1"}}}});
  EXPECT_EQ(r.header("x-amz-copy-source"), "src/dir/x%20y?versionId=v1");
}

TEST(ClientsS3Wire, BucketPolicyIsTheSubResourceAndTakesAJsonObjectOrItsText) {
  json policy = {{"Version", "2012-10-17"}, {"Statement", json::array()}};
  http::Request r = request("PutBucketPolicy", {{"Bucket", "b"}, {"Policy", policy}});
  EXPECT_EQ(r.method, "PUT");
  EXPECT_EQ(r.path, "/b");
  EXPECT_EQ(r.query, "policy");
  EXPECT_EQ(r.body, policy.dump());
  EXPECT_FALSE(r.header("x-amz-checksum-crc32").empty()) << "the model requires a checksum";
  EXPECT_EQ(request("PutBucketPolicy", {{"Bucket", "b"}, {"Policy", "{}"}}).body, "{}");
  r = request("GetBucketPolicy", {{"Bucket", "b"}});
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.query, "policy");
}

TEST(ClientsS3Wire, GetObjectSavesBodyLengthTypeAndETag) {
  http::Response res;
  res.status = 200;
  res.headers = {{"Content-Type", "application/x-gzip"},
                 {"Content-Length", "5"},
                 {"ETag", "\"abc\""},
                 {"x-amz-meta-Owner", "ops"}};
  res.body = "hello";
  json saved = s3_result("GetObject", res);
  EXPECT_EQ(saved["Body"], "hello");
  EXPECT_EQ(saved["ContentLength"], 5);
  EXPECT_EQ(saved["ContentType"], "application/x-gzip");
  EXPECT_EQ(saved["ETag"], "\"abc\"");
  EXPECT_EQ(saved["Metadata"], json({{"owner", "ops"}}));
  EXPECT_FALSE(saved.contains("VersionId"));
}

TEST(ClientsS3Wire, HeadAndPutObjectSaveTheHeadersBotocoreMaps) {
  http::Response head;
  head.status = 200;
  head.headers = {{"Content-Length", "395"},
                  {"ETag", "\"e\""},
                  {"Content-Type", "text/plain"},
                  {"x-amz-version-id", "v1"}};
  EXPECT_EQ(s3_result("HeadObject", head), json({{"ContentLength", 395},
                                                 {"ETag", "\"e\""},
                                                 {"ContentType", "text/plain"},
                                                 {"VersionId", "v1"}}));
  http::Response put;
  put.status = 200;
  put.headers = {{"ETag", "\"p\""}, {"x-amz-checksum-crc32", "NhCmhg=="}};
  EXPECT_EQ(s3_result("PutObject", put), json({{"ETag", "\"p\""}, {"ChecksumCRC32", "NhCmhg=="}}));
}

TEST(ClientsS3Wire, XmlResultsSaveEveryLeafAndThePolicyIsItsText) {
  http::Response list;
  list.status = 200;
  list.body =
      "<ListBucketResult><Name>b</Name><KeyCount>1</KeyCount>"
      "<Contents><Key>installer/x.tgz</Key><Size>395</Size></Contents></ListBucketResult>";
  json saved = s3_result("ListObjectsV2", list);
  EXPECT_EQ(saved["Name"], "b");
  EXPECT_EQ(saved["KeyCount"], "1");
  EXPECT_EQ(saved["Key"], "installer/x.tgz");
  http::Response policy;
  policy.status = 200;
  policy.body = R"({"Version":"2012-10-17"})";
  EXPECT_EQ(s3_result("GetBucketPolicy", policy), json({{"Policy", policy.body}}));
}

TEST(ClientsS3Wire, ABodilessErrorIsTheStatusAndReasonAsBotocoreReportsIt) {
  // AwsClient reads a failed HEAD (no body) as "HTTP404"; botocore says 404 / Not Found.
  aws::Error e = s3_error(aws::make_error("HTTP404", "", 404));
  EXPECT_EQ(e.code, "404");
  EXPECT_EQ(e.message, "Not Found");
  EXPECT_EQ(s3_error(aws::make_error("HTTP403", "", 403)).message, "Forbidden");
  aws::Error no_such_key = aws::make_error("NoSuchKey", "The specified key does not exist.", 404);
  EXPECT_EQ(s3_error(no_such_key).code, "NoSuchKey");
  EXPECT_EQ(s3_error(no_such_key).message, "The specified key does not exist.");
}

TEST(ClientsS3Wire, ParamsThatDoNotFitAreRefusedBeforeAnythingIsSent) {
  auto r = s3_request("PutObject", {{"Bucket", "b"}, {"Key", "k"}, {"Metadata", "$meta"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "ParamValidation");
  r = s3_request("GetObject", {{"Bucket", "b"}, {"Key", ""}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "S3 GetObject Key must not be empty");
}

}  // namespace
}  // namespace opsreg::clients
