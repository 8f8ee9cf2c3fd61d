// S3 listings on the wire: ListObjectsV2 (list-type=2: continuation tokens, start-after,
// KeyCount) and ListObjects v1 (marker), both with prefix, delimiter, max-keys, encoding-type.
#include <charconv>

#include "core/aws/crypto.h"
#include "core/aws/xml_writer.h"
#include "core/clock/time_format.h"
#include "mocks/services/s3/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::s3 {

namespace {
constexpr int kMaxKeys = 1000;

// Continuation tokens are opaque to clients: base64 of "K<key>" or "P<common prefix>".
std::string make_token(const ObjectList& list) {
  return aws::base64_encode((list.last_is_prefix ? "P" : "K") + list.last);
}

Status read_token(const std::string& token, ListQuery* q) {
  std::string raw;
  if (!aws::base64_decode(token, &raw) || raw.empty() || (raw[0] != 'K' && raw[0] != 'P'))
    return invalid_argument("The continuation token provided is incorrect");
  q->after = raw.substr(1);
  q->after_prefix = raw[0] == 'P';
  return {};
}

Result<int> read_max_keys(const S3Request& r) {
  auto text = r.param("max-keys");
  if (!text) return kMaxKeys;
  long long v = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc() || end != text->data() + text->size() || v > 2147483647LL)
    return invalid_argument("Provided max-keys not an integer or within integer range");
  if (v < 0)
    return invalid_argument("Argument maxKeys must be an integer between 0 and 2147483647");
  return static_cast<int>(std::min<long long>(v, kMaxKeys));
}

Result<http::Response> list_objects(const S3Request& r, CallContext& ctx) {
  bool v2 = r.param("list-type") == "2";
  auto bucket = ctx.world().s3().get_bucket(r.bucket);
  if (!bucket.ok()) return bucket.error();
  ListQuery q;
  q.prefix = r.param("prefix").value_or("");
  q.delimiter = r.param("delimiter").value_or("");
  std::string encoding = r.param("encoding-type").value_or("");
  if (!encoding.empty() && encoding != "url")
    return invalid_argument("Invalid Encoding Method specified in Request");
  auto max_keys = read_max_keys(r);
  if (!max_keys.ok()) return max_keys.error();
  q.max_keys = *max_keys;
  std::map<std::string, std::string> keys = {{"s3:prefix", q.prefix},
                                             {"s3:delimiter", q.delimiter},
                                             {"s3:max-keys", std::to_string(q.max_keys)}};
  if (Status s = authorize(ctx, *bucket, "s3:ListBucket", r.bucket_arn(), true, keys); !s.ok())
    return s.error();
  auto token = r.param("continuation-token");
  if (v2 && token) {
    if (Status s = read_token(*token, &q); !s.ok()) return s.error();
  } else {
    q.after = r.param(v2 ? "start-after" : "marker").value_or("");
  }
  auto list = ctx.world().s3().list_objects(r.bucket, q);
  if (!list.ok()) return list.error();

  auto enc = [&](const std::string& s) { return encoding.empty() ? s : aws::uri_encode(s, true); };
  aws::XmlWriter w;
  w.open("ListBucketResult", kXmlns).leaf("Name", r.bucket).leaf("Prefix", enc(q.prefix));
  if (v2) {
    if (token) w.leaf("ContinuationToken", *token);
    if (auto start = r.param("start-after")) w.leaf("StartAfter", enc(*start));
    w.leaf("KeyCount", std::to_string(list->objects.size() + list->common_prefixes.size()));
  } else {
    w.leaf("Marker", enc(q.after));
  }
  w.leaf("MaxKeys", std::to_string(q.max_keys));
  if (!q.delimiter.empty()) w.leaf("Delimiter", enc(q.delimiter));
  if (!encoding.empty()) w.leaf("EncodingType", encoding);
  w.leaf("IsTruncated", list->truncated ? "true" : "false");
  if (list->truncated) {
    if (v2) w.leaf("NextContinuationToken", make_token(*list));
    // v1 names the next marker only with a delimiter; clients use the last key otherwise.
    if (!v2 && !q.delimiter.empty()) w.leaf("NextMarker", enc(list->last));
  }
  for (const Object& o : list->objects) {
    w.open("Contents")
        .leaf("Key", enc(o.key))
        .leaf("LastModified", format_iso8601_millis(o.last_modified))
        .leaf("ETag", o.etag)
        .leaf("Size", std::to_string(o.size()))
        .leaf("StorageClass", "STANDARD")
        .close();
  }
  for (const std::string& p : list->common_prefixes)
    w.open("CommonPrefixes").leaf("Prefix", enc(p)).close();
  return xml_response(w.str());
}

}  // namespace

void add_list_objects_operations(S3Operations& ops) {
  ops.add("ListObjects", list_objects);
  ops.add("ListObjectsV2", list_objects);
}

}  // namespace opsreg::mocks::s3
