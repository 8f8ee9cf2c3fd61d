// S3 state of one world: buckets, their objects and in-progress multipart uploads, with S3's
// rules (bucket naming, BucketNotEmpty, ETags). Thread-safe; knows nothing of the wire.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock/clock.h"
#include "core/util/result.h"
#include "mocks/s3/errors.h"

namespace opsreg::mocks::s3 {

struct Bucket {
  std::string name;
  std::string region;
  TimePoint created;
  bool public_read = false;  // anonymous callers may list and read its objects
};

struct Object {
  std::string key;
  std::shared_ptr<const std::string> data;  // never null once stored
  std::string etag;                         // quoted: "\"<md5 hex>\"" or "\"<hex>-N\""
  TimePoint last_modified;
  std::string content_type = "binary/octet-stream";
  std::string content_encoding;
  std::map<std::string, std::string> metadata;  // x-amz-meta-* names, lowercase, prefix removed
  std::string checksum_crc32;                   // base64, when uploaded with one

  size_t size() const { return data ? data->size() : 0; }
};

// What to list (ListObjectsV2): keys under `prefix` strictly after `after`, rolled up at
// `delimiter`. `after_prefix` means `after` was a common prefix: every key under it is skipped.
struct ListQuery {
  std::string prefix;
  std::string delimiter;
  std::string after;
  bool after_prefix = false;
  int max_keys = 1000;
};

struct ObjectList {
  std::vector<Object> objects;  // sharing the stored bytes
  std::vector<std::string> common_prefixes;
  bool truncated = false;
  std::string last;  // the last key or prefix returned, to continue from
  bool last_is_prefix = false;
};

// One part named in CompleteMultipartUpload.
struct CompletedPart {
  int number = 0;
  std::string etag;  // quoted or not
};

// S3's bucket naming rules (general purpose buckets): 3-63 characters of a-z 0-9 . -, starting
// and ending with a letter or digit, no "..", not an IP address, none of the reserved prefixes
// (xn--, sthree-, amzn-s3-demo-) or suffixes (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3).
bool valid_bucket_name(std::string_view name);

// The ETag S3 gives an object uploaded in one piece: the quoted MD5 hex of its bytes.
std::string simple_etag(std::string_view data);

class S3Model {
 public:
  explicit S3Model(const Clock& clock) : clock_(clock) {}
  S3Model(const S3Model&) = delete;
  S3Model& operator=(const S3Model&) = delete;

  // Loads the world file's "buckets" array: [{"name", "region"?, "public_read"?, "objects":
  // [{"key", "content" | "file", "content_type"?}]}]; "file" is relative to `fixtures_dir`.
  // Errors are ValidationError naming the offending entry.
  Status load(const nlohmann::json& buckets, const std::string& fixtures_dir);
  // Puts the agent installer in place: `bucket` (created public-read if missing) holds at `key`
  // the gzip tarball of the folder `source_dir` (deterministic bytes); `assets_bucket` is
  // created empty and public-read.
  Status install_agent_installer(const std::string& bucket, const std::string& key,
                                 const std::string& assets_bucket, const std::string& source_dir);
  nlohmann::json snapshot() const;

  // --- buckets (errors: InvalidBucketName, BucketAlreadyOwnedByYou, NoSuchBucket, ...) ---
  std::vector<Bucket> list_buckets() const;
  Result<Bucket> get_bucket(const std::string& name) const;
  // Creates `name` in `region`. Re-creating one's own bucket is BucketAlreadyOwnedByYou (409),
  // except in us-east-1 where S3 answers 200 for legacy compatibility (returns true then).
  Result<bool> create_bucket(const std::string& name, const std::string& region,
                             bool public_read = false);
  Status delete_bucket(const std::string& name);
  Status set_public_read(const std::string& name, bool public_read);

  // --- objects (errors: NoSuchBucket, NoSuchKey) ---
  // Stores `object` (key, data, content type, metadata set by the caller); fills in the ETag
  // and last-modified time unless the ETag is already set. Returns what was stored.
  Result<Object> put_object(const std::string& bucket, Object object);
  Result<Object> get_object(const std::string& bucket, const std::string& key) const;
  // Idempotent: deleting a missing key succeeds.
  Status delete_object(const std::string& bucket, const std::string& key);
  Result<ObjectList> list_objects(const std::string& bucket, const ListQuery& query) const;

  // --- multipart uploads (errors: NoSuchUpload, InvalidPart, InvalidPartOrder, ...) ---
  // `object` carries the key, content type and metadata; returns the upload id.
  Result<std::string> create_multipart_upload(const std::string& bucket, Object object);
  // Returns the part's quoted ETag.
  Result<std::string> upload_part(const std::string& bucket, const std::string& key,
                                  const std::string& upload_id, int part_number, std::string data);
  Result<Object> complete_multipart_upload(const std::string& bucket, const std::string& key,
                                           const std::string& upload_id,
                                           const std::vector<CompletedPart>& parts);
  Status abort_multipart_upload(const std::string& bucket, const std::string& key,
                                const std::string& upload_id);

 private:
  struct Upload {
    std::string bucket;
    Object object;                // key, content type, metadata
    std::map<int, Object> parts;  // by part number: data and ETag
  };
  struct BucketState {
    Bucket bucket;
    std::map<std::string, Object> objects;  // by key, in UTF-8 byte order as S3 lists them
  };

  BucketState* find(const std::string& name);
  const BucketState* find(const std::string& name) const;
  Result<Upload*> find_upload(const std::string& bucket, const std::string& key,
                              const std::string& upload_id);

  const Clock& clock_;
  mutable std::mutex mu_;
  std::map<std::string, BucketState> buckets_;
  std::map<std::string, Upload> uploads_;  // by upload id
  uint64_t next_upload_ = 1;               // upload ids are derived from it (deterministic)
};

}  // namespace opsreg::mocks::s3
