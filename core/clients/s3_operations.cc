// The rows of the S3 operations table, from botocore's s3 service-2.json (2006-03-01): the
// members each operation takes and the output headers it returns.
#include "core/clients/s3_operations.h"

namespace opsreg::clients::s3ops {

namespace {

// GetObject's and HeadObject's members (the same in the model).
const std::vector<Member> kReadMembers = {
    {"IfMatch", In::kHeader, "If-Match"},
    {"IfModifiedSince", In::kHeader, "If-Modified-Since"},
    {"IfNoneMatch", In::kHeader, "If-None-Match"},
    {"IfUnmodifiedSince", In::kHeader, "If-Unmodified-Since"},
    {"Range", In::kHeader, "Range"},
    {"ResponseCacheControl", In::kQuery, "response-cache-control"},
    {"ResponseContentDisposition", In::kQuery, "response-content-disposition"},
    {"ResponseContentEncoding", In::kQuery, "response-content-encoding"},
    {"ResponseContentLanguage", In::kQuery, "response-content-language"},
    {"ResponseContentType", In::kQuery, "response-content-type"},
    {"ResponseExpires", In::kQuery, "response-expires"},
    {"VersionId", In::kQuery, "versionId"},
    {"PartNumber", In::kQuery, "partNumber"},
    {"ChecksumMode", In::kHeader, "x-amz-checksum-mode"},
    {"ExpectedBucketOwner", In::kHeader, "x-amz-expected-bucket-owner"}};

const std::vector<OutHeader> kObjectHeaders = {
    {"ETag", "ETag"},
    {"ContentLength", "Content-Length", Kind::kInteger},
    {"ContentType", "Content-Type"},
    {"LastModified", "Last-Modified"},
    {"VersionId", "x-amz-version-id"},
    {"AcceptRanges", "accept-ranges"},
    {"ContentEncoding", "Content-Encoding"},
    {"ContentRange", "Content-Range"},
    {"CacheControl", "Cache-Control"},
    {"ChecksumCRC32", "x-amz-checksum-crc32"},
    {"DeleteMarker", "x-amz-delete-marker", Kind::kBoolean}};

const Member kOwner = {"ExpectedBucketOwner", In::kHeader, "x-amz-expected-bucket-owner"};

}  // namespace

const std::vector<Operation>& table() {
  static const std::vector<Operation> kTable = {
      {.name = "ListBuckets",
       .method = "GET",
       .level = Level::kService,
       .members = {{"MaxBuckets", In::kQuery, "max-buckets"},
                   {"ContinuationToken", In::kQuery, "continuation-token"},
                   {"Prefix", In::kQuery, "prefix"},
                   {"BucketRegion", In::kQuery, "bucket-region"}},
       .output = Output::kXml},
      {.name = "CreateBucket",
       .method = "PUT",
       .level = Level::kBucket,
       .members = {{"ACL", In::kHeader, "x-amz-acl"},
                   {"ObjectOwnership", In::kHeader, "x-amz-object-ownership"}},
       .payload = Payload::kBucketConfiguration,
       .out_headers = {{"Location", "Location"}}},
      {.name = "DeleteBucket", .method = "DELETE", .level = Level::kBucket, .members = {kOwner}},
      {.name = "ListObjectsV2",
       .method = "GET",
       .level = Level::kBucket,
       .sub_resource = "list-type=2",
       .members = {{"Delimiter", In::kQuery, "delimiter"},
                   {"EncodingType", In::kQuery, "encoding-type"},
                   {"MaxKeys", In::kQuery, "max-keys"},
                   {"Prefix", In::kQuery, "prefix"},
                   {"ContinuationToken", In::kQuery, "continuation-token"},
                   {"FetchOwner", In::kQuery, "fetch-owner"},
                   {"StartAfter", In::kQuery, "start-after"},
                   kOwner},
       .output = Output::kXml},
      {.name = "PutObject",
       .method = "PUT",
       .level = Level::kObject,
       .members = {{"CacheControl", In::kHeader, "Cache-Control"},
                   {"ContentDisposition", In::kHeader, "Content-Disposition"},
                   {"ContentEncoding", In::kHeader, "Content-Encoding"},
                   {"ContentLanguage", In::kHeader, "Content-Language"},
                   {"ContentType", In::kHeader, "Content-Type"},
                   {"IfMatch", In::kHeader, "If-Match"},
                   {"IfNoneMatch", In::kHeader, "If-None-Match"},
                   kOwner},
       .payload = Payload::kBody,
       .out_headers = {{"ETag", "ETag"},
                       {"VersionId", "x-amz-version-id"},
                       {"ChecksumCRC32", "x-amz-checksum-crc32"},
                       {"ChecksumSHA256", "x-amz-checksum-sha256"}},
       .checksum = true,
       .metadata = true},
      {.name = "GetObject",
       .method = "GET",
       .level = Level::kObject,
       .members = kReadMembers,
       .output = Output::kObjectBody,
       .out_headers = kObjectHeaders},
      {.name = "HeadObject",
       .method = "HEAD",
       .level = Level::kObject,
       .members = kReadMembers,
       .out_headers = kObjectHeaders},
      {.name = "DeleteObject",
       .method = "DELETE",
       .level = Level::kObject,
       .members = {{"VersionId", In::kQuery, "versionId"}, kOwner},
       .out_headers = {{"DeleteMarker", "x-amz-delete-marker", Kind::kBoolean},
                       {"VersionId", "x-amz-version-id"}}},
      {.name = "CopyObject",
       .method = "PUT",
       .level = Level::kObject,
       .members = {{"ContentType", In::kHeader, "Content-Type"},
                   {"MetadataDirective", In::kHeader, "x-amz-metadata-directive"},
                   {"CopySourceIfMatch", In::kHeader, "x-amz-copy-source-if-match"},
                   {"CopySourceIfNoneMatch", In::kHeader, "x-amz-copy-source-if-none-match"},
                   kOwner},
       .output = Output::kXml,
       .out_headers = {{"VersionId", "x-amz-version-id"},
                       {"CopySourceVersionId", "x-amz-copy-source-version-id"}},
       .metadata = true,
       .copy_source = true},
      {.name = "GetBucketPolicy",
       .method = "GET",
       .level = Level::kBucket,
       .sub_resource = "policy",
       .members = {kOwner},
       .output = Output::kPolicy},
      {.name = "PutBucketPolicy",
       .method = "PUT",
       .level = Level::kBucket,
       .sub_resource = "policy",
       .members = {{"ConfirmRemoveSelfBucketAccess", In::kHeader,
                    "x-amz-confirm-remove-self-bucket-access"},
                   kOwner},
       .payload = Payload::kPolicy,
       .checksum = true},
  };
  return kTable;
}

const Operation* find(std::string_view name) {
  for (const Operation& op : table())
    if (op.name == name) return &op;
  return nullptr;
}

}  // namespace opsreg::clients::s3ops
