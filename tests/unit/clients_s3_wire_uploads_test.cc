// The S3 client's bucket reads, v1 listing, batch delete and multipart uploads by botocore's names
// (core/clients/s3_wire.h): HeadBucket, GetBucketLocation, ListObjects, DeleteObjects,
// CreateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload — the request
// each sends and what is read back, as botocore's s3 model has them.
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

http::Response xml(const std::string& body) {
  http::Response r;
  r.status = 200;
  r.body = body;
  return r;
}

TEST(ClientsS3WireUploads, BucketReadsAreAHeadAndTheLocationSubResource) {
  http::Request r = request("HeadBucket", {{"Bucket", "b"}});
  EXPECT_EQ(r.method, "HEAD");
  EXPECT_EQ(r.path, "/b");
  EXPECT_EQ(r.query, "");
  http::Response head;
  head.status = 200;
  head.headers = {{"x-amz-bucket-region", "eu-west-1"}};
  EXPECT_EQ(s3_result("HeadBucket", head), json({{"BucketRegion", "eu-west-1"}}));

  r = request("GetBucketLocation", {{"Bucket", "b"}});
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.path, "/b");
  EXPECT_EQ(r.query, "location");
  const std::string ns = R"( xmlns="http://s3.amazonaws.com/doc/2006-03-01/")";
  EXPECT_EQ(s3_result("GetBucketLocation",
                      xml("<LocationConstraint" + ns + ">eu-west-1</LocationConstraint>")),
            json({{"LocationConstraint", "eu-west-1"}}));
  // us-east-1 answers an empty element, which botocore reads as None.
  EXPECT_EQ(s3_result("GetBucketLocation", xml("<LocationConstraint" + ns + "/>")),
            json({{"LocationConstraint", nullptr}}));
}

TEST(ClientsS3WireUploads, ListObjectsIsV1WithItsMarkerAndReadsContentsAsAList) {
  http::Request r = request("ListObjects",
                            {{"Bucket", "b"}, {"Prefix", "p/"}, {"Marker", "p/a"}, {"MaxKeys", 1}});
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.path, "/b");
  EXPECT_EQ(r.query, "marker=p%2Fa&max-keys=1&prefix=p%2F");
  json saved = s3_result("ListObjects", xml("<ListBucketResult><Name>b</Name>"
                                            "<Contents><Key>p/a</Key><Size>1</Size></Contents>"
                                            "<Contents><Key>p/b</Key><Size>2</Size></Contents>"
                                            "</ListBucketResult>"));
  EXPECT_EQ(saved["Name"], "b");
  EXPECT_EQ(saved["Key"], "p/a");
  EXPECT_EQ(saved["Contents"],
            json::parse(R"([{"Key":"p/a","Size":"1"},{"Key":"p/b","Size":"2"}])"));
  EXPECT_FALSE(saved.contains("CommonPrefixes"));
}

TEST(ClientsS3WireUploads, DeleteObjectsPostsTheDeleteXmlWithTheChecksumS3Requires) {
  http::Request r =
      request("DeleteObjects",
              {{"Bucket", "b"},
               {"Delete",
                {{"Objects", {{{"Key", "a.txt"}}, {{"Key", "dir/b c"}, {"VersionId", "v1"}}}},
                 {"Quiet", true}}}});
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.path, "/b");
  EXPECT_EQ(r.query, "delete");
  EXPECT_EQ(r.body,
            "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            "<Object><Key>a.txt</Key></Object>"
            "<Object><Key>dir/b c</Key><VersionId>v1</VersionId></Object>"
            "<Quiet>true</Quiet></Delete>");
  // The model's requestChecksumRequired: botocore sends a CRC32 (computed here with zlib).
  EXPECT_EQ(r.header("x-amz-sdk-checksum-algorithm"), "CRC32");
  EXPECT_EQ(r.header("x-amz-checksum-crc32"), "pTuhJw==");

  json saved =
      s3_result("DeleteObjects", xml("<DeleteResult><Deleted><Key>a.txt</Key></Deleted>"
                                     "<Error><Key>x</Key><Code>AccessDenied</Code><Message>Access "
                                     "Denied</Message></Error></DeleteResult>"));
  EXPECT_EQ(saved["Deleted"], json::parse(R"([{"Key":"a.txt"}])"));
  EXPECT_EQ(saved["Errors"],
            json::parse(R"([{"Key":"x","Code":"AccessDenied","Message":"Access Denied"}])"));

  for (const json& bad :
       {json::object(), json({{"Objects", json::array()}}), json({{"Objects", {{{"Name", "a"}}}}}),
        json({{"Objects", {{{"Key", "a"}}}}, {"Quiet", "yes"}})}) {
    auto refused = s3_request("DeleteObjects", {{"Bucket", "b"}, {"Delete", bad}});
    ASSERT_FALSE(refused.ok()) << bad.dump();
    EXPECT_EQ(refused.error().code, "ParamValidation");
  }
  auto missing = s3_request("DeleteObjects", {{"Bucket", "b"}});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "S3 DeleteObjects needs Bucket, Delete (missing Delete)");
}

TEST(ClientsS3WireUploads, AMultipartUploadIsCreatedFilledCompletedOrAborted) {
  http::Request r = request("CreateMultipartUpload", {{"Bucket", "b"},
                                                      {"Key", "big/x.tgz"},
                                                      {"ContentType", "application/x-gzip"},
                                                      {"ChecksumAlgorithm", "CRC32"},
                                                      {"Metadata", {{"owner", "ops"}}}});
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.path, "/b/big/x.tgz");
  EXPECT_EQ(r.query, "uploads");
  EXPECT_EQ(r.header("Content-Type"), "application/x-gzip");
  EXPECT_EQ(r.header("x-amz-checksum-algorithm"), "CRC32");
  EXPECT_EQ(r.header("x-amz-meta-owner"), "ops");
  EXPECT_EQ(r.body, "");
  http::Response created =
      xml("<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>big/x.tgz</Key>"
          "<UploadId>u-1</UploadId></InitiateMultipartUploadResult>");
  EXPECT_EQ(s3_result("CreateMultipartUpload", created)["UploadId"], "u-1");

  r = request("UploadPart", {{"Bucket", "b"},
                             {"Key", "big/x.tgz"},
                             {"UploadId", "u-1"},
                             {"PartNumber", 1},
                             {"Body", "hello"}});
  EXPECT_EQ(r.method, "PUT");
  EXPECT_EQ(r.path, "/b/big/x.tgz");
  EXPECT_EQ(r.query, "partNumber=1&uploadId=u-1");
  EXPECT_EQ(r.body, "hello");
  EXPECT_EQ(r.header("x-amz-checksum-crc32"), "NhCmhg==");  // crc32("hello") = 0x3610a686
  http::Response part;
  part.status = 200;
  part.headers = {{"ETag", "\"5d41\""}, {"x-amz-checksum-crc32", "NhCmhg=="}};
  EXPECT_EQ(s3_result("UploadPart", part),
            json({{"ETag", "\"5d41\""}, {"ChecksumCRC32", "NhCmhg=="}}));

  r = request(
      "CompleteMultipartUpload",
      {{"Bucket", "b"},
       {"Key", "big/x.tgz"},
       {"UploadId", "u-1"},
       {"MultipartUpload",
        {{"Parts", {{{"ETag", "\"5d41\""}, {"ChecksumCRC32", "NhCmhg=="}, {"PartNumber", 1}}}}}}});
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.query, "uploadId=u-1");
  EXPECT_EQ(r.body,
            "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Part>"
            "<ETag>&quot;5d41&quot;</ETag><ChecksumCRC32>NhCmhg==</ChecksumCRC32>"
            "<PartNumber>1</PartNumber></Part></CompleteMultipartUpload>");
  EXPECT_EQ(r.header("x-amz-checksum-crc32"), "") << "the model asks for no checksum here";

  r = request("AbortMultipartUpload", {{"Bucket", "b"}, {"Key", "big/x.tgz"}, {"UploadId", "u-1"}});
  EXPECT_EQ(r.method, "DELETE");
  EXPECT_EQ(r.path, "/b/big/x.tgz");
  EXPECT_EQ(r.query, "uploadId=u-1");
}

TEST(ClientsS3WireUploads, AnUploadIdAndPartNumberAreRequired) {
  auto r = s3_request("UploadPart", {{"Bucket", "b"}, {"Key", "k"}, {"PartNumber", 1}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "S3 UploadPart needs Bucket, Key, PartNumber, UploadId (missing UploadId)");
  r = s3_request("AbortMultipartUpload", {{"Bucket", "b"}, {"Key", "k"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "ParamValidation");
  r = s3_request("CompleteMultipartUpload",
                 {{"Bucket", "b"},
                  {"Key", "k"},
                  {"UploadId", "u"},
                  {"MultipartUpload", {{"Parts", {{{"PartNumber", 1}}}}}}});
  ASSERT_FALSE(r.ok()) << "a part needs its ETag";
  EXPECT_EQ(r.error().code, "ParamValidation");
}

}  // namespace
}  // namespace opsreg::clients
