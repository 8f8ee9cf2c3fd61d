// S3 state: loading from the world file, the snapshot, and the bucket rules (naming, creation,
// deletion). Objects live in objects.cc, multipart uploads in multipart.cc.
#include "mocks/s3/model.h"

#include <fstream>
#include <sstream>

#include "core/aws/crypto.h"
#include "core/clock/time_format.h"
#include "core/util/path_inside.h"

namespace opsreg::mocks::s3 {

namespace {
aws::Error invalid(const std::string& what) {
  return aws::make_error("ValidationError", "world file: " + what);
}

bool is_ip_address(std::string_view name) {
  int dots = 0;
  for (char c : name) {
    if (c == '.') {
      ++dots;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return dots == 3;
}
}  // namespace

bool valid_bucket_name(std::string_view name) {
  if (name.size() < 3 || name.size() > 63) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    if (!ok) return false;
  }
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(name.front()) || !alnum(name.back())) return false;
  if (name.find("..") != std::string_view::npos) return false;
  if (is_ip_address(name)) return false;
  for (std::string_view p : {"xn--", "sthree-", "amzn-s3-demo-"})
    if (name.starts_with(p)) return false;
  for (std::string_view s : {"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"})
    if (name.ends_with(s)) return false;
  return true;
}

std::string simple_etag(std::string_view data) { return "\"" + aws::md5_hex(data) + "\""; }

S3Model::BucketState* S3Model::find(const std::string& name) {
  auto it = buckets_.find(name);
  return it == buckets_.end() ? nullptr : &it->second;
}

const S3Model::BucketState* S3Model::find(const std::string& name) const {
  auto it = buckets_.find(name);
  return it == buckets_.end() ? nullptr : &it->second;
}

Status S3Model::load(const nlohmann::json& buckets, const std::string& fixtures_dir) {
  if (!buckets.is_array()) return invalid("buckets must be an array");
  for (const auto& b : buckets) {
    if (!b.is_object()) return invalid("each bucket must be an object");
    std::string name = b.value("name", "");
    auto created =
        create_bucket(name, b.value("region", "us-east-1"), b.value("public_read", false));
    if (!created.ok()) return invalid("bucket '" + name + "': " + created.error().message);
    for (const auto& o : b.value("objects", nlohmann::json::array())) {
      Object object;
      object.key = o.value("key", "");
      if (object.key.empty()) return invalid("bucket '" + name + "': an object has no key");
      std::string data;
      if (o.contains("file")) {
        // A fixture file: inside the fixtures folder, never elsewhere on the machine.
        auto path = path_inside(fixtures_dir, o.value("file", ""), AbsoluteNames::kRefused);
        if (!path.ok())
          return invalid("bucket '" + name + "': object '" + object.key + "': file " +
                         path.error().message);
        std::ifstream in(*path, std::ios::binary);
        if (!in) return invalid("bucket '" + name + "': cannot read " + path->string());
        std::ostringstream buf;
        buf << in.rdbuf();
        data = buf.str();
      } else {
        data = o.value("content", "");
      }
      object.data = std::make_shared<const std::string>(std::move(data));
      object.content_type = o.value("content_type", object.content_type);
      if (auto put = put_object(name, std::move(object)); !put.ok())
        return invalid("bucket '" + name + "': " + put.error().message);
    }
  }
  return {};
}

nlohmann::json S3Model::snapshot() const {
  std::lock_guard lock(mu_);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [name, state] : buckets_) {
    nlohmann::json objects = nlohmann::json::array();
    for (const auto& [key, o] : state.objects) {
      objects.push_back({{"key", key},
                         {"size", o.size()},
                         {"etag", o.etag},
                         {"content_type", o.content_type},
                         {"last_modified", format_iso8601_millis(o.last_modified)}});
    }
    out.push_back({{"name", name},
                   {"region", state.bucket.region},
                   {"creation_date", format_iso8601_millis(state.bucket.created)},
                   {"public_read", state.bucket.public_read},
                   {"objects", std::move(objects)}});
  }
  return {{"buckets", std::move(out)}, {"multipart_uploads", uploads_.size()}};
}

std::vector<Bucket> S3Model::list_buckets() const {
  std::lock_guard lock(mu_);
  std::vector<Bucket> out;
  for (const auto& [name, state] : buckets_) out.push_back(state.bucket);
  return out;
}

Result<Bucket> S3Model::get_bucket(const std::string& name) const {
  std::lock_guard lock(mu_);
  const BucketState* b = find(name);
  if (!b) return no_such_bucket();
  return b->bucket;
}

Result<bool> S3Model::create_bucket(const std::string& name, const std::string& region,
                                    bool public_read) {
  if (!valid_bucket_name(name)) return invalid_bucket_name();
  std::lock_guard lock(mu_);
  if (const BucketState* existing = find(name)) {
    if (existing->bucket.region == "us-east-1" && region == "us-east-1") return true;
    return bucket_already_owned_by_you();
  }
  BucketState state;
  state.bucket = Bucket{name, region, clock_.now(), public_read};
  buckets_.emplace(name, std::move(state));
  return false;
}

Status S3Model::delete_bucket(const std::string& name) {
  std::lock_guard lock(mu_);
  BucketState* b = find(name);
  if (!b) return no_such_bucket();
  if (!b->objects.empty()) return bucket_not_empty();
  for (auto it = uploads_.begin(); it != uploads_.end();)
    it = it->second.bucket == name ? uploads_.erase(it) : std::next(it);
  buckets_.erase(name);
  return {};
}

Status S3Model::set_public_read(const std::string& name, bool public_read) {
  std::lock_guard lock(mu_);
  BucketState* b = find(name);
  if (!b) return no_such_bucket();
  b->bucket.public_read = public_read;
  return {};
}

}  // namespace opsreg::mocks::s3
