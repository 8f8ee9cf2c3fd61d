// The S3 operations the client calls by name (s3_wire.h), one row per operation as botocore's
// s3 service-2.json has it: method, URI, where each member goes, payload, output.
#pragma once

#include <string_view>
#include <vector>

namespace opsreg::clients::s3ops {

enum class Level { kService, kBucket, kObject };  // "/", "/{Bucket}", "/{Bucket}/{Key+}"
enum class In { kQuery, kHeader };
// The payload member: Body (text), Policy (JSON text), CreateBucketConfiguration, Delete
// (DeleteObjects), MultipartUpload (CompleteMultipartUpload): XML.
enum class Payload { kNone, kBody, kPolicy, kBucketConfiguration, kDelete, kMultipartUpload };
// kXml, ...: also the headers. kLocation: GetBucketLocation's bare <LocationConstraint>.
enum class Output { kHeaders, kXml, kObjectBody, kPolicy, kLocation };
enum class Kind { kText, kInteger, kBoolean };

struct Member {
  std::string_view name;  // botocore's member name
  In in;
  std::string_view wire;  // query parameter or header name
  bool required = false;
};

// A repeated element of an XML answer that botocore reads as a list of structures: element
// <Deleted> as "Deleted", <Error> as "Errors" (besides the leaves read flat).
struct OutList {
  std::string_view element;
  std::string_view name;
};

struct OutHeader {
  std::string_view name;
  std::string_view header;
  Kind kind = Kind::kText;
};

// One operation: everything s3_wire.cc needs to build its request and read its response.
struct Operation {
  std::string_view name = {};
  std::string_view method = {};
  Level level = Level::kService;
  std::string_view sub_resource = {};  // the URI's fixed query: "list-type=2", "uploads"
  std::vector<Member> members = {};    // besides Bucket, Key, the payload, Metadata, CopySource
  Payload payload = Payload::kNone;
  Output output = Output::kHeaders;
  std::vector<OutHeader> out_headers = {};
  std::vector<OutList> out_lists = {};
  bool checksum = false;     // httpChecksum: botocore sends a CRC32 of the payload
  bool metadata = false;     // Metadata: x-amz-meta-* headers
  bool copy_source = false;  // CopySource: x-amz-copy-source
};

// Every supported operation, in the order errors list them.
const std::vector<Operation>& table();
// The row named `name` (botocore's operation name), or nullptr.
const Operation* find(std::string_view name);

}  // namespace opsreg::clients::s3ops
