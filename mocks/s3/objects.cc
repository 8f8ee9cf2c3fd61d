// S3 objects: put, get, delete, and the ListObjectsV2 walk (prefix, delimiter roll-up, paging)
// over keys in UTF-8 byte order.
#include "mocks/s3/model.h"

namespace opsreg::mocks::s3 {

Result<Object> S3Model::put_object(const std::string& bucket, Object object) {
  if (!object.data) object.data = std::make_shared<const std::string>();
  if (object.etag.empty()) object.etag = simple_etag(*object.data);
  std::lock_guard lock(mu_);
  BucketState* b = find(bucket);
  if (!b) return no_such_bucket();
  object.last_modified = clock_.now();
  b->objects[object.key] = object;
  return object;
}

Result<Object> S3Model::get_object(const std::string& bucket, const std::string& key) const {
  std::lock_guard lock(mu_);
  const BucketState* b = find(bucket);
  if (!b) return no_such_bucket();
  auto it = b->objects.find(key);
  if (it == b->objects.end()) return no_such_key();
  return it->second;
}

Status S3Model::delete_object(const std::string& bucket, const std::string& key) {
  std::lock_guard lock(mu_);
  BucketState* b = find(bucket);
  if (!b) return no_such_bucket();
  b->objects.erase(key);
  return {};
}

Result<ObjectList> S3Model::list_objects(const std::string& bucket, const ListQuery& q) const {
  std::lock_guard lock(mu_);
  const BucketState* b = find(bucket);
  if (!b) return no_such_bucket();
  ObjectList out;
  if (q.max_keys <= 0) return out;
  std::string last_prefix = q.after_prefix ? q.after : "";
  const std::string& start = q.after > q.prefix ? q.after : q.prefix;
  int count = 0;
  for (auto it = b->objects.lower_bound(start); it != b->objects.end(); ++it) {
    const std::string& key = it->first;
    if (!key.starts_with(q.prefix)) break;
    if (!q.after.empty() && key <= q.after) continue;
    if (!last_prefix.empty() && key.starts_with(last_prefix)) continue;
    std::string rolled;
    if (!q.delimiter.empty()) {
      size_t pos = key.find(q.delimiter, q.prefix.size());
      if (pos != std::string::npos) rolled = key.substr(0, pos + q.delimiter.size());
    }
    if (count == q.max_keys) {
      out.truncated = true;
      break;
    }
    ++count;
    if (!rolled.empty()) {
      out.common_prefixes.push_back(rolled);
      last_prefix = rolled;
      out.last = rolled;
      out.last_is_prefix = true;
    } else {
      out.objects.push_back(it->second);
      out.last = key;
      out.last_is_prefix = false;
    }
  }
  return out;
}

}  // namespace opsreg::mocks::s3
