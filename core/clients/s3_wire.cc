// S3 operations by name: checking params against the table (s3_operations.h), building the
// path-style request, reading the result or botocore's error.
#include "core/clients/s3_wire.h"

#include <algorithm>
#include <charconv>

#include "core/aws/crypto.h"
#include "core/aws/uri.h"
#include "core/aws/xml_writer.h"
#include "core/clients/s3_operations.h"
#include "core/clients/xml_response.h"
#include "core/util/json_text.h"

namespace opsreg::clients {

using namespace s3ops;  // NOLINT(build/namespaces): the table's types, internal to s3_wire

namespace {

std::string_view payload_name(Payload p) {
  switch (p) {
    case Payload::kBody:
      return "Body";
    case Payload::kPolicy:
      return "Policy";
    case Payload::kBucketConfiguration:
      return "CreateBucketConfiguration";
    case Payload::kDelete:
      return "Delete";
    case Payload::kMultipartUpload:
      return "MultipartUpload";
    case Payload::kNone:
      break;
  }
  return "";
}

// Every member name `op` takes, in the order the error lists them.
std::vector<std::string> member_names(const Operation& op) {
  std::vector<std::string> out;
  if (op.level != Level::kService) out.emplace_back("Bucket");
  if (op.level == Level::kObject) out.emplace_back("Key");
  if (op.copy_source) out.emplace_back("CopySource");
  if (op.payload != Payload::kNone) out.emplace_back(payload_name(op.payload));
  if (op.metadata) out.emplace_back("Metadata");
  for (const Member& m : op.members) out.emplace_back(m.name);
  return out;
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

aws::Error bad(const std::string& what) { return aws::make_error("ParamValidation", what, 0); }

using Deferred = std::function<bool(const nlohmann::json&)>;

bool is_text(const nlohmann::json& v) { return v.is_string(); }
bool is_flag(const nlohmann::json& v) { return v.is_boolean(); }
bool is_number(const nlohmann::json& v) { return v.is_number_integer() || v.is_string(); }

using Field = std::pair<std::string_view, bool (*)(const nlohmann::json&)>;

// Whether `v` is an object of `fields` only, each of its type, with every `required` one.
bool is_structure(const nlohmann::json& v, const std::vector<Field>& fields,
                  const std::vector<std::string_view>& required) {
  if (!v.is_object()) return false;
  for (auto item = v.begin(); item != v.end(); ++item) {
    const std::string& key = item.key();  // a plain name: clang 14 cannot capture a binding
    auto f = std::find_if(fields.begin(), fields.end(),
                          [&key](const Field& f) { return f.first == key; });
    if (f == fields.end() || !f->second(*item)) return false;
  }
  return std::all_of(required.begin(), required.end(),
                     [&v](std::string_view r) { return v.contains(std::string(r)); });
}

// Whether `v` holds a non-empty list `list` of structures of `fields` (and only `extra` else).
bool is_list_of(const nlohmann::json& v, const std::string& list, const std::vector<Field>& fields,
                const std::vector<std::string_view>& required, const std::vector<Field>& extra) {
  if (!v.is_object() || !v.contains(list) || !v[list].is_array() || v[list].empty()) return false;
  if (!std::all_of(v[list].begin(), v[list].end(),
                   [&](const nlohmann::json& x) { return is_structure(x, fields, required); }))
    return false;
  nlohmann::json rest = v;
  rest.erase(list);
  return is_structure(rest, extra, {});
}

// Checks one member's JSON type, unless `deferred` says its value comes later.
Status check_member(const Operation& op, const std::string& name, const nlohmann::json& v,
                    const Deferred& deferred) {
  const std::string where = "S3 " + std::string(op.name) + " " + name;
  if (deferred && deferred(v)) return {};
  bool ok = true;
  std::string want;
  if (name == "Metadata") {
    ok = v.is_object() &&
         std::all_of(v.begin(), v.end(), [](const auto& x) { return x.is_string(); });
    want = "an object of strings";
  } else if (name == "CreateBucketConfiguration") {
    ok = v.is_object() && std::all_of(v.items().begin(), v.items().end(), [](const auto& x) {
           return x.key() == "LocationConstraint" && x.value().is_string();
         });
    want = "an object {\"LocationConstraint\": REGION}";
  } else if (name == "Delete") {
    ok = is_list_of(v, "Objects", {{"Key", is_text}, {"VersionId", is_text}}, {"Key"},
                    {{"Quiet", is_flag}});
    want = "an object {\"Objects\": [{\"Key\", \"VersionId\"}, ...], \"Quiet\"}";
  } else if (name == "MultipartUpload") {
    ok = is_list_of(v, "Parts",
                    {{"ETag", is_text},
                     {"PartNumber", is_number},
                     {"ChecksumCRC32", is_text},
                     {"ChecksumSHA256", is_text}},
                    {"ETag", "PartNumber"}, {});
    want = "an object {\"Parts\": [{\"ETag\", \"PartNumber\", \"ChecksumCRC32\"}, ...]}";
  } else if (name == "Policy") {
    ok = v.is_string() || v.is_object();
    want = "a JSON object or its text";
  } else if (name == "CopySource") {
    auto text = [&v](const char* k) { return v.contains(k) && v[k].is_string(); };
    ok = v.is_string() || (v.is_object() && text("Bucket") && text("Key") &&
                           std::all_of(v.items().begin(), v.items().end(), [](const auto& x) {
                             return x.key() == "Bucket" || x.key() == "Key" ||
                                    x.key() == "VersionId";
                           }));
    want = "\"bucket/key\" or {\"Bucket\", \"Key\", \"VersionId\"}";
  } else if (name == "Body" || name == "Bucket" || name == "Key") {
    ok = v.is_string();
    want = "a string";
  } else {
    ok = v.is_string() || v.is_number() || v.is_boolean();
    want = "a string, number or boolean";
  }
  if (!ok) return bad(where + " must be " + want + ", not " + v.dump());
  return {};
}

Status check_params(const Operation& op, const nlohmann::json& params, const Deferred& deferred) {
  if (!params.is_object()) return bad("params must be an object");
  const std::vector<std::string> names = member_names(op);
  for (const auto& [k, v] : params.items()) {
    if (std::find(names.begin(), names.end(), k) == names.end())
      return bad("S3 " + std::string(op.name) + " has no member '" + k +
                 "' (its members: " + (names.empty() ? std::string("none") : join(names)) + ")");
    if (Status s = check_member(op, k, v, deferred); !s.ok()) return s;
  }
  std::vector<std::string> required;
  if (op.level != Level::kService) required.emplace_back("Bucket");
  if (op.level == Level::kObject) required.emplace_back("Key");
  if (op.copy_source) required.emplace_back("CopySource");
  if (op.payload == Payload::kPolicy || op.payload == Payload::kDelete)
    required.emplace_back(payload_name(op.payload));
  for (const Member& m : op.members)
    if (m.required) required.emplace_back(m.name);
  for (const auto& r : required)
    if (!params.contains(r))
      return bad("S3 " + std::string(op.name) + " needs " + join(required) + " (missing " + r +
                 ")");
  return {};
}

// x-amz-copy-source as botocore quotes it: "bucket/key" percent-encoded with '/' kept, and a
// "?versionId=" suffix (or VersionId member) left as it is.
std::string copy_source(const nlohmann::json& v) {
  if (v.is_object()) {
    std::string out =
        aws::encode_copy_source(v["Bucket"].get<std::string>() + "/" + v["Key"].get<std::string>());
    if (v.contains("VersionId")) out += "?versionId=" + as_text(v["VersionId"]);
    return out;
  }
  return aws::encode_copy_source(v.get<std::string>());
}

// botocore's CRC32 header value: the big-endian checksum, base64.
std::string crc32_base64(const std::string& data) {
  return aws::base64_encode(aws::crc32_bytes(data));
}

constexpr std::string_view kS3Xmlns = "http://s3.amazonaws.com/doc/2006-03-01/";

// DeleteObjects' body as botocore serializes it: <Delete><Object><Key/><VersionId/></Object>...
// <Quiet/></Delete>.
std::string delete_xml(const nlohmann::json& del) {
  aws::XmlWriter w(/*declaration=*/false);
  w.open("Delete", kS3Xmlns);
  for (const auto& o : del["Objects"]) {
    w.open("Object").leaf("Key", o["Key"].get<std::string>());
    if (o.contains("VersionId")) w.leaf("VersionId", o["VersionId"].get<std::string>());
    w.close();
  }
  if (del.contains("Quiet")) w.leaf("Quiet", del["Quiet"].get<bool>() ? "true" : "false");
  return w.close().str();
}

// CompleteMultipartUpload's body: <CompleteMultipartUpload><Part><ETag/><ChecksumCRC32/>
// <PartNumber/></Part>...</CompleteMultipartUpload>, members in the model's order.
std::string parts_xml(const nlohmann::json& upload) {
  aws::XmlWriter w(/*declaration=*/false);
  w.open("CompleteMultipartUpload", kS3Xmlns);
  for (const auto& p : upload["Parts"]) {
    w.open("Part").leaf("ETag", p["ETag"].get<std::string>());
    for (const char* sum : {"ChecksumCRC32", "ChecksumSHA256"})
      if (p.contains(sum)) w.leaf(sum, p[sum].get<std::string>());
    w.leaf("PartNumber", as_text(p["PartNumber"])).close();
  }
  return w.close().str();
}

// Every `element` under the answer's root as a list of its leaves, as botocore reads a
// flattened list of structures (DeleteObjects' Deleted and Errors, ListObjects' Contents).
nlohmann::json xml_list(const std::string& body, std::string_view element) {
  nlohmann::json out = nlohmann::json::array();
  pugi::xml_document doc;
  if (!load_xml(body, &doc).ok()) return out;
  const std::string name(element);  // outlives the loop: the iterator keeps the pointer
  for (pugi::xml_node n : doc.document_element().children(name.c_str()))
    out.push_back(xml_members(n));
  return out;
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 301:
      return "Moved Permanently";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition Failed";
    case 416:
      return "Requested Range Not Satisfiable";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    default:
      return "";
  }
}

}  // namespace

const std::vector<std::string>& s3_operation_names() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> out;
    for (const Operation& op : table()) out.emplace_back(op.name);
    return out;
  }();
  return kNames;
}

bool is_s3_operation(const std::string& operation) { return find(operation) != nullptr; }

Status check_s3_params(const std::string& operation, const nlohmann::json& params,
                       const Deferred& deferred) {
  const Operation* op = find(operation);
  if (!op) return bad("unknown S3 operation " + operation);
  return check_params(*op, params, deferred);
}

Result<http::Request> s3_request(const std::string& operation, const nlohmann::json& params) {
  if (Status s = check_s3_params(operation, params); !s.ok()) return s.error();
  const Operation& op = *find(operation);
  http::Request req;
  req.method = std::string(op.method);
  req.path = "/";
  if (op.level != Level::kService) {
    std::string bucket = params["Bucket"];
    if (bucket.empty()) return bad("S3 " + operation + " Bucket must not be empty");
    req.path += aws::uri_encode(bucket);
  }
  if (op.level == Level::kObject) {
    std::string key = params["Key"];
    if (key.empty()) return bad("S3 " + operation + " Key must not be empty");
    req.path += "/" + aws::uri_encode(key, /*keep_slash=*/true);
  }
  aws::Params query;
  for (const Member& m : op.members) {
    auto it = params.find(std::string(m.name));
    if (it == params.end()) continue;
    if (m.in == In::kQuery)
      query.emplace_back(std::string(m.wire), as_text(*it));
    else
      req.headers.emplace_back(std::string(m.wire), as_text(*it));
  }
  req.query = std::string(op.sub_resource);
  if (!query.empty()) req.query += (req.query.empty() ? "" : "&") + aws::encode_query(query);
  if (op.metadata && params.contains("Metadata"))
    for (const auto& [k, v] : params["Metadata"].items())
      req.headers.emplace_back("x-amz-meta-" + k, v.get<std::string>());
  if (op.copy_source)
    req.headers.emplace_back("x-amz-copy-source", copy_source(params["CopySource"]));
  if (op.payload == Payload::kBody) {
    req.body = params.value("Body", "");
  } else if (op.payload == Payload::kPolicy) {
    const nlohmann::json& policy = params["Policy"];
    req.body = policy.is_string() ? policy.get<std::string>() : policy.dump();
  } else if (op.payload == Payload::kBucketConfiguration &&
             params.contains("CreateBucketConfiguration")) {
    aws::XmlWriter w(/*declaration=*/false);
    w.open("CreateBucketConfiguration", kS3Xmlns);
    w.leaf_if("LocationConstraint",
              params["CreateBucketConfiguration"].value("LocationConstraint", ""));
    req.body = w.close().str();
  } else if (op.payload == Payload::kDelete) {
    req.body = delete_xml(params["Delete"]);
  } else if (op.payload == Payload::kMultipartUpload && params.contains("MultipartUpload")) {
    req.body = parts_xml(params["MultipartUpload"]);
  }
  if (op.checksum) {
    req.headers.emplace_back("x-amz-sdk-checksum-algorithm", "CRC32");
    req.headers.emplace_back("x-amz-checksum-crc32", crc32_base64(req.body));
  }
  return req;
}

nlohmann::json s3_result(const std::string& operation, const http::Response& response) {
  nlohmann::json out = nlohmann::json::object();
  const Operation* op = find(operation);
  if (!op) return out;
  if (op->output == Output::kXml && !response.body.empty()) out = xml_members(response.body);
  for (const OutList& list : op->out_lists) {
    nlohmann::json items = xml_list(response.body, list.element);
    if (!items.empty()) out[std::string(list.name)] = std::move(items);
  }
  if (op->output == Output::kLocation) {
    // botocore's own reader: the root's text, null when empty (us-east-1).
    pugi::xml_document doc;
    std::string text;
    if (load_xml(response.body, &doc).ok()) text = doc.document_element().child_value();
    out["LocationConstraint"] = text.empty() ? nlohmann::json() : nlohmann::json(text);
  }
  if (op->output == Output::kPolicy) out["Policy"] = response.body;
  if (op->output == Output::kObjectBody) out["Body"] = response.body;
  for (const OutHeader& h : op->out_headers) {
    std::string_view value = response.header(h.header);
    if (value.empty()) continue;
    long long number = 0;
    if (h.kind == Kind::kInteger &&
        std::from_chars(value.data(), value.data() + value.size(), number).ec == std::errc())
      out[std::string(h.name)] = number;
    else if (h.kind == Kind::kBoolean)
      out[std::string(h.name)] = value == "true";
    else
      out[std::string(h.name)] = std::string(value);
  }
  if (op->output == Output::kObjectBody && !out.contains("ContentLength"))
    out["ContentLength"] = static_cast<long long>(response.body.size());
  if (op->name == "GetObject" || op->name == "HeadObject") {
    nlohmann::json metadata = nlohmann::json::object();
    for (const auto& [name, value] : response.headers) {
      std::string lower = name;
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (lower.starts_with("x-amz-meta-")) metadata[lower.substr(11)] = value;
    }
    if (!metadata.empty()) out["Metadata"] = metadata;
  }
  return out;
}

aws::Error s3_error(const aws::Error& error) {
  if (error.http_status == 0 || error.code != "HTTP" + std::to_string(error.http_status))
    return error;
  aws::Error out = error;
  out.code = std::to_string(error.http_status);
  out.message = std::string(reason_phrase(error.http_status));
  return out;
}

}  // namespace opsreg::clients
