// S3 multipart uploads: create, upload parts, complete (assembling the object with S3's
// multipart ETag, md5 of the part md5s + "-N") and abort.
#include "core/aws/crypto.h"
#include "mocks/s3/model.h"

namespace opsreg::mocks::s3 {

namespace {
constexpr size_t kMinPartSize = 5 * 1024 * 1024;

std::string unquote(const std::string& etag) {
  if (etag.size() >= 2 && etag.front() == '"' && etag.back() == '"')
    return etag.substr(1, etag.size() - 2);
  return etag;
}
}  // namespace

Result<S3Model::Upload*> S3Model::find_upload(const std::string& bucket, const std::string& key,
                                              const std::string& upload_id) {
  if (!find(bucket)) return no_such_bucket();
  auto it = uploads_.find(upload_id);
  if (it == uploads_.end() || it->second.bucket != bucket || it->second.object.key != key)
    return no_such_upload();
  return &it->second;
}

Result<std::string> S3Model::create_multipart_upload(const std::string& bucket, Object object) {
  std::lock_guard lock(mu_);
  if (!find(bucket)) return no_such_bucket();
  // Upload ids look like S3's (long, URL-safe) and are deterministic per model.
  std::string seed = bucket + "/" + object.key + "/" + std::to_string(next_upload_++);
  std::string id = aws::base64_encode(aws::sha256(seed) + aws::sha256(seed + "#"));
  for (char& c : id) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  while (!id.empty() && id.back() == '=') id.pop_back();
  uploads_[id] = Upload{bucket, std::move(object), {}};
  return id;
}

Result<std::string> S3Model::upload_part(const std::string& bucket, const std::string& key,
                                         const std::string& upload_id, int part_number,
                                         std::string data) {
  if (part_number < 1 || part_number > 10000)
    return invalid_argument("Part number must be an integer between 1 and 10000, inclusive");
  Object part;
  part.etag = simple_etag(data);
  part.data = std::make_shared<const std::string>(std::move(data));
  std::lock_guard lock(mu_);
  auto upload = find_upload(bucket, key, upload_id);
  if (!upload.ok()) return upload.error();
  part.last_modified = clock_.now();
  (*upload)->parts[part_number] = part;
  return part.etag;
}

Result<Object> S3Model::complete_multipart_upload(const std::string& bucket, const std::string& key,
                                                  const std::string& upload_id,
                                                  const std::vector<CompletedPart>& parts) {
  std::lock_guard lock(mu_);
  auto upload = find_upload(bucket, key, upload_id);
  if (!upload.ok()) return upload.error();
  if (parts.empty()) return malformed_xml();
  Upload& u = **upload;
  std::string md5s;
  std::string data;
  for (size_t i = 1; i < parts.size(); ++i) {
    if (parts[i].number <= parts[i - 1].number) return invalid_part_order();
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    const CompletedPart& p = parts[i];
    auto it = u.parts.find(p.number);
    if (it == u.parts.end() || unquote(it->second.etag) != unquote(p.etag)) return invalid_part();
    const std::string& bytes = *it->second.data;
    if (i + 1 < parts.size() && bytes.size() < kMinPartSize) return entity_too_small();
    std::string raw_md5;
    std::string hex_md5 = unquote(it->second.etag);
    for (size_t j = 0; j + 1 < hex_md5.size(); j += 2)
      raw_md5.push_back(static_cast<char>(std::stoi(hex_md5.substr(j, 2), nullptr, 16)));
    md5s += raw_md5;
    data += bytes;
  }
  Object object = std::move(u.object);
  object.etag = "\"" + aws::md5_hex(md5s) + "-" + std::to_string(parts.size()) + "\"";
  object.data = std::make_shared<const std::string>(std::move(data));
  object.last_modified = clock_.now();
  uploads_.erase(upload_id);
  BucketState* b = find(bucket);
  b->objects[object.key] = object;
  return object;
}

Status S3Model::abort_multipart_upload(const std::string& bucket, const std::string& key,
                                       const std::string& upload_id) {
  std::lock_guard lock(mu_);
  auto upload = find_upload(bucket, key, upload_id);
  if (!upload.ok()) return upload.error();
  uploads_.erase(upload_id);
  return {};
}

}  // namespace opsreg::mocks::s3
