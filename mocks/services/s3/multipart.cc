// S3 multipart uploads on the wire: CreateMultipartUpload (POST ?uploads), UploadPart
// (PUT ?partNumber&uploadId), CompleteMultipartUpload (POST ?uploadId), AbortMultipartUpload.
#include <charconv>
#include <pugixml.hpp>

#include "core/aws/xml_writer.h"
#include "mocks/services/s3/payload.h"
#include "mocks/services/s3/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::s3 {

namespace {
Result<Bucket> writable_bucket(const S3Request& r, CallContext& ctx, std::string_view action) {
  auto bucket = ctx.world().s3().get_bucket(r.bucket);
  if (!bucket.ok()) return bucket.error();
  if (Status s = authorize(ctx, *bucket, action, r.object_arn(), false); !s.ok()) return s.error();
  return bucket;
}

Result<std::vector<CompletedPart>> read_parts(const std::string& body) {
  pugi::xml_document doc;
  if (!doc.load_buffer(body.data(), body.size())) return malformed_xml();
  pugi::xml_node root = doc.child("CompleteMultipartUpload");
  if (!root) return malformed_xml();
  std::vector<CompletedPart> parts;
  for (pugi::xml_node p : root.children("Part")) {
    std::string number = p.child("PartNumber").child_value();
    CompletedPart part;
    auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), part.number);
    if (ec != std::errc() || end != number.data() + number.size()) return malformed_xml();
    part.etag = p.child("ETag").child_value();
    parts.push_back(std::move(part));
  }
  return parts;
}

Result<http::Response> create_multipart_upload(const S3Request& r, CallContext& ctx) {
  if (auto b = writable_bucket(r, ctx, "s3:PutObject"); !b.ok()) return b.error();
  Object o;
  o.key = r.key;
  std::string_view type = r.header("Content-Type");
  if (!type.empty()) o.content_type = type;
  o.metadata = request_metadata(r.http);
  auto id = ctx.world().s3().create_multipart_upload(r.bucket, std::move(o));
  if (!id.ok()) return id.error();
  aws::XmlWriter w;
  w.open("InitiateMultipartUploadResult", kXmlns)
      .leaf("Bucket", r.bucket)
      .leaf("Key", r.key)
      .leaf("UploadId", *id);
  http::Response res = xml_response(w.str());
  std::string_view algorithm = r.header("x-amz-checksum-algorithm");
  if (!algorithm.empty()) res.headers.emplace_back("x-amz-checksum-algorithm", algorithm);
  return res;
}

Result<http::Response> upload_part(const S3Request& r, CallContext& ctx) {
  if (auto b = writable_bucket(r, ctx, "s3:PutObject"); !b.ok()) return b.error();
  auto upload_id = r.param("uploadId");
  auto number_text = r.param("partNumber");
  if (!upload_id || !number_text)
    return aws::make_error("InvalidRequest", "A part upload needs both partNumber and uploadId.",
                           400);
  int number = 0;
  auto [end, ec] =
      std::from_chars(number_text->data(), number_text->data() + number_text->size(), number);
  if (ec != std::errc() || end != number_text->data() + number_text->size())
    return invalid_argument("Part number must be an integer between 1 and 10000, inclusive");
  auto payload = read_payload(r.http);
  if (!payload.ok()) return payload.error();
  auto etag =
      ctx.world().s3().upload_part(r.bucket, r.key, *upload_id, number, std::move(payload->data));
  if (!etag.ok()) return etag.error();
  http::Response res;
  res.headers.emplace_back("ETag", *etag);
  if (!payload->checksum_crc32.empty())
    res.headers.emplace_back("x-amz-checksum-crc32", payload->checksum_crc32);
  if (!payload->checksum_sha256.empty())
    res.headers.emplace_back("x-amz-checksum-sha256", payload->checksum_sha256);
  return res;
}

Result<http::Response> complete_multipart_upload(const S3Request& r, CallContext& ctx) {
  if (auto b = writable_bucket(r, ctx, "s3:PutObject"); !b.ok()) return b.error();
  auto parts = read_parts(r.http.body);
  if (!parts.ok()) return parts.error();
  auto object =
      ctx.world().s3().complete_multipart_upload(r.bucket, r.key, *r.param("uploadId"), *parts);
  if (!object.ok()) return object.error();
  aws::XmlWriter w;
  w.open("CompleteMultipartUploadResult", kXmlns)
      .leaf("Location", ctx.world().edge_url() + r.http.path)
      .leaf("Bucket", r.bucket)
      .leaf("Key", r.key)
      .leaf("ETag", object->etag);
  return xml_response(w.str());
}

Result<http::Response> abort_multipart_upload(const S3Request& r, CallContext& ctx) {
  if (auto b = writable_bucket(r, ctx, "s3:AbortMultipartUpload"); !b.ok()) return b.error();
  if (Status s = ctx.world().s3().abort_multipart_upload(r.bucket, r.key, *r.param("uploadId"));
      !s.ok())
    return s.error();
  http::Response res;
  res.status = 204;
  return res;
}

}  // namespace

void add_multipart_operations(S3Operations& ops) {
  ops.add("CreateMultipartUpload", create_multipart_upload);
  ops.add("UploadPart", upload_part);
  ops.add("CompleteMultipartUpload", complete_multipart_upload);
  ops.add("AbortMultipartUpload", abort_multipart_upload);
}

}  // namespace opsreg::mocks::s3
