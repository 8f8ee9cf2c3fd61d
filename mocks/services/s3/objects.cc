// S3 object operations on the wire: PutObject (integrity checks, metadata), GetObject and
// HeadObject (ranges, conditional requests, response-* overrides), DeleteObject, DeleteObjects.
#include <algorithm>
#include <pugixml.hpp>

#include "core/aws/headers.h"
#include "core/aws/xml_writer.h"
#include "core/clock/time_format.h"
#include "mocks/services/s3/payload.h"
#include "mocks/services/s3/read_rules.h"
#include "mocks/services/s3/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::s3 {

namespace {
constexpr std::string_view kMetaPrefix = "x-amz-meta-";

// The GetObject query parameters that override response headers (signed requests only).
constexpr std::pair<std::string_view, std::string_view> kOverrides[] = {
    {"response-content-type", "Content-Type"},
    {"response-content-language", "Content-Language"},
    {"response-expires", "Expires"},
    {"response-cache-control", "Cache-Control"},
    {"response-content-disposition", "Content-Disposition"},
    {"response-content-encoding", "Content-Encoding"}};

// The headers every read of `o` carries.
void describe(const Object& o, http::Response& res) {
  res.headers.emplace_back("ETag", o.etag);
  res.headers.emplace_back("Last-Modified", format_http_date(o.last_modified));
}

Result<Bucket> bucket_of(const S3Request& r, CallContext& ctx) {
  return ctx.world().s3().get_bucket(r.bucket);
}

Result<http::Response> put_object(const S3Request& r, CallContext& ctx) {
  auto bucket = bucket_of(r, ctx);
  if (!bucket.ok()) return bucket.error();
  if (Status s = authorize(ctx, *bucket, "s3:PutObject", r.object_arn(), false); !s.ok())
    return s.error();
  auto payload = read_payload(r.http);
  if (!payload.ok()) return payload.error();
  Object o;
  o.key = r.key;
  o.data = std::make_shared<const std::string>(std::move(payload->data));
  std::string_view type = r.header("Content-Type");
  if (!type.empty()) o.content_type = type;
  o.content_encoding = payload->content_encoding;
  o.checksum_crc32 = payload->checksum_crc32;
  o.metadata = request_metadata(r.http);
  auto stored = ctx.world().s3().put_object(r.bucket, std::move(o));
  if (!stored.ok()) return stored.error();
  http::Response res;
  res.headers.emplace_back("ETag", stored->etag);
  if (!payload->checksum_crc32.empty())
    res.headers.emplace_back("x-amz-checksum-crc32", payload->checksum_crc32);
  if (!payload->checksum_sha256.empty())
    res.headers.emplace_back("x-amz-checksum-sha256", payload->checksum_sha256);
  return res;
}

Result<http::Response> get_object(const S3Request& r, CallContext& ctx) {
  bool head = r.http.method == "HEAD";
  auto bucket = bucket_of(r, ctx);
  if (!bucket.ok()) return bucket.error();
  if (Status s = authorize(ctx, *bucket, "s3:GetObject", r.object_arn(), true); !s.ok())
    return s.error();
  auto found = ctx.world().s3().get_object(r.bucket, r.key);
  if (!found.ok()) {
    // Without s3:ListBucket a caller may not learn that a key is missing: S3 says AccessDenied.
    if (found.error().is("NoSuchKey") &&
        !authorize(ctx, *bucket, "s3:ListBucket", r.bucket_arn(), true).ok())
      return access_denied();
    return found.error();
  }
  const Object& o = *found;
  bool overrides = false;
  for (const auto& [param, header] : kOverrides) overrides = overrides || r.has(param);
  if (overrides && ctx.caller().anonymous)
    return aws::make_error("InvalidRequest",
                           "Request specific response headers cannot be used for anonymous GET "
                           "requests.",
                           400);
  http::Response res;
  int condition = check_preconditions(r.http, o);
  if (condition == 412)
    return aws::make_error("PreconditionFailed",
                           "At least one of the pre-conditions you specified did not hold", 412);
  if (condition == 304) {
    res.status = 304;
    describe(o, res);
    return res;
  }
  auto range = parse_range(r.header("Range"), o.size());
  if (!range.ok()) return range.error();
  size_t first = 0, count = o.size();
  if (*range) {
    first = (*range)->first;
    count = (*range)->last - first + 1;
    res.status = 206;
    res.headers.emplace_back("Content-Range", "bytes " + std::to_string(first) + "-" +
                                                  std::to_string((*range)->last) + "/" +
                                                  std::to_string(o.size()));
  }
  describe(o, res);
  res.headers.emplace_back("Accept-Ranges", "bytes");
  res.set_header("Content-Type", o.content_type);
  if (!o.content_encoding.empty()) res.headers.emplace_back("Content-Encoding", o.content_encoding);
  for (const auto& [name, value] : o.metadata)
    res.headers.emplace_back(std::string(kMetaPrefix) + name, value);
  if (!*range && !o.checksum_crc32.empty() &&
      aws::iequals(r.header("x-amz-checksum-mode"), "ENABLED"))
    res.headers.emplace_back("x-amz-checksum-crc32", o.checksum_crc32);
  for (const auto& [param, header] : kOverrides) {
    auto value = r.param(param);
    if (!value) continue;
    if (header == "Content-Type") {
      res.set_header("Content-Type", *value);
      continue;
    }
    // (clang before 16 cannot capture a structured binding in a lambda: a named copy.)
    std::string_view name = header;
    std::erase_if(res.headers, [&](const auto& h) { return aws::iequals(h.first, name); });
    res.headers.emplace_back(std::string(header), *value);
  }
  if (head) {
    res.headers.emplace_back("Content-Length", std::to_string(count));
  } else {
    res.body = o.data->substr(first, count);
  }
  return res;
}

Result<http::Response> delete_object(const S3Request& r, CallContext& ctx) {
  auto bucket = bucket_of(r, ctx);
  if (!bucket.ok()) return bucket.error();
  if (Status s = authorize(ctx, *bucket, "s3:DeleteObject", r.object_arn(), false); !s.ok())
    return s.error();
  if (Status s = ctx.world().s3().delete_object(r.bucket, r.key); !s.ok()) return s.error();
  http::Response res;
  res.status = 204;
  return res;
}

Result<http::Response> delete_objects(const S3Request& r, CallContext& ctx) {
  auto bucket = bucket_of(r, ctx);
  if (!bucket.ok()) return bucket.error();
  // S3 requires an integrity check on this body; read_payload verifies whichever is present.
  if (r.header("Content-MD5").empty() && r.header("x-amz-checksum-crc32").empty() &&
      r.header("x-amz-checksum-sha256").empty() && r.header("x-amz-sdk-checksum-algorithm").empty())
    return aws::make_error("InvalidRequest",
                           "Missing required header for this request: Content-MD5", 400);
  auto payload = read_payload(r.http);
  if (!payload.ok()) return payload.error();
  pugi::xml_document doc;
  if (!doc.load_buffer(payload->data.data(), payload->data.size())) return malformed_xml();
  pugi::xml_node root = doc.child("Delete");
  if (!root) return malformed_xml();
  bool quiet = std::string_view(root.child("Quiet").child_value()) == "true";
  std::vector<std::string> keys;
  for (pugi::xml_node o : root.children("Object")) keys.emplace_back(o.child("Key").child_value());
  if (keys.empty() || keys.size() > 1000) return malformed_xml();
  aws::XmlWriter w;
  w.open("DeleteResult", kXmlns);
  for (const std::string& key : keys) {
    Status s =
        authorize(ctx, *bucket, "s3:DeleteObject", "arn:aws:s3:::" + r.bucket + "/" + key, false);
    if (s.ok()) s = ctx.world().s3().delete_object(r.bucket, key);
    if (!s.ok()) {
      w.open("Error").leaf("Key", key).leaf("Code", s.error().code);
      w.leaf("Message", s.error().message).close();
    } else if (!quiet) {
      w.open("Deleted").leaf("Key", key).close();
    }
  }
  return xml_response(w.str());
}

}  // namespace

void add_object_operations(S3Operations& ops) {
  ops.add("PutObject", put_object);
  ops.add("GetObject", get_object);
  ops.add("HeadObject", get_object);
  ops.add("DeleteObject", delete_object);
  ops.add("DeleteObjects", delete_objects);
}

}  // namespace opsreg::mocks::s3
