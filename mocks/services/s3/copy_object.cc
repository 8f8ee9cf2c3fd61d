// S3 CopyObject on the wire: PUT /bucket/key with x-amz-copy-source. The source is read as
// GetObject reads it (s3:GetObject), the copy written as PutObject writes it (s3:PutObject), its
// metadata copied or replaced (x-amz-metadata-directive), the answer a CopyObjectResult.
#include "core/aws/uri.h"
#include "core/aws/xml_writer.h"
#include "core/clock/time_format.h"
#include "mocks/services/s3/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::s3 {

namespace {

struct CopySource {
  std::string bucket;
  std::string key;
};

// "bucket/key" or "/bucket/key", URL-encoded, optionally "?versionId=...".
Result<CopySource> parse_copy_source(std::string_view header) {
  if (auto q = header.find("?versionId="); q != std::string_view::npos) {
    if (header.substr(q + 11) != "null")
      return aws::make_error("NotImplemented", "opsreg's S3 keeps no object versions", 501);
    header = header.substr(0, q);
  }
  std::string decoded = aws::uri_decode(header);
  std::string_view value = decoded;
  if (value.starts_with("/")) value.remove_prefix(1);
  size_t slash = value.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == value.size())
    return invalid_argument(
        "Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
  return CopySource{std::string(value.substr(0, slash)), std::string(value.substr(slash + 1))};
}

Result<http::Response> copy_object(const S3Request& r, CallContext& ctx) {
  auto source = parse_copy_source(r.header("x-amz-copy-source"));
  if (!source.ok()) return source.error();
  std::string directive(r.header("x-amz-metadata-directive"));
  if (directive.empty()) directive = "COPY";
  if (directive != "COPY" && directive != "REPLACE")
    return invalid_argument("Unknown metadata directive.");
  S3Model& s3 = ctx.world().s3();
  auto target_bucket = s3.get_bucket(r.bucket);
  if (!target_bucket.ok()) return target_bucket.error();
  if (Status s = authorize(ctx, *target_bucket, "s3:PutObject", r.object_arn(), false); !s.ok())
    return s.error();
  auto source_bucket = s3.get_bucket(source->bucket);
  if (!source_bucket.ok()) return source_bucket.error();
  if (Status s = authorize(ctx, *source_bucket, "s3:GetObject",
                           "arn:aws:s3:::" + source->bucket + "/" + source->key, false);
      !s.ok())
    return s.error();
  auto found = s3.get_object(source->bucket, source->key);
  if (!found.ok()) return found.error();
  if (source->bucket == r.bucket && source->key == r.key && directive == "COPY")
    return aws::make_error("InvalidRequest",
                           "This copy request is illegal because it is trying to copy an object "
                           "to itself without changing the object's metadata, storage class, "
                           "website redirect location or encryption attributes.",
                           400);
  Object copy = *found;
  copy.key = r.key;
  if (directive == "REPLACE") {
    copy.metadata = request_metadata(r.http);
    std::string_view type = r.header("Content-Type");
    copy.content_type = type.empty() ? "binary/octet-stream" : std::string(type);
    copy.content_encoding = std::string(r.header("Content-Encoding"));
  }
  auto stored = s3.put_object(r.bucket, std::move(copy));
  if (!stored.ok()) return stored.error();
  aws::XmlWriter w;
  w.open("CopyObjectResult", kXmlns)
      .leaf("LastModified", format_iso8601_millis(stored->last_modified))
      .leaf("ETag", stored->etag)
      .close();
  return xml_response(w.str());
}

}  // namespace

void add_copy_object_operations(S3Operations& ops) { ops.add("CopyObject", copy_object); }

}  // namespace opsreg::mocks::s3
