// libFuzzer target: the XML request bodies of the S3 fake (mocks/services/s3: CreateBucket's
// CreateBucketConfiguration, CompleteMultipartUpload, DeleteObjects' Delete), sent signed
// through the edge (edge_world.h). The input is the operation's name, a newline, then the body.
// Asserts that no body makes the fake fail internally (HTTP 500), and that a successful
// CompleteMultipartUpload leaves an object whose ETag is the multipart one ("...-N").
// libFuzzer: -max_len=8192 -timeout=20
#include <cstddef>
#include <cstdint>
#include <pugixml.hpp>
#include <string>

#include "core/aws/crypto.h"
#include "fuzz/edge_world.h"

namespace {

using opsreg::http::Request;

Request s3_request(std::string method, std::string path, std::string query, std::string body) {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.query = std::move(query);
  r.body = std::move(body);
  return r;
}

std::string upload_id(const opsreg::http::Response& created) {
  pugi::xml_document doc;
  FUZZ_CHECK(doc.load_buffer(created.body.data(), created.body.size()));
  return doc.child("InitiateMultipartUploadResult").child_value("UploadId");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto [operation, body] = opsreg::fuzz::first_line_and_rest(data, size);
  opsreg::fuzz::EdgeWorld w;
  if (operation == "CreateBucket") {
    w.send(s3_request("PUT", "/fuzz-new-bucket", "", body), "s3");
    return 0;
  }
  FUZZ_CHECK(w.send(s3_request("PUT", "/fuzz-bucket", "", ""), "s3").status == 200);
  if (operation == "DeleteObjects") {
    for (const char* key : {"a.txt", "logs/b.log"})
      w.send(s3_request("PUT", std::string("/fuzz-bucket/") + key, "", "x"), "s3");
    Request r = s3_request("POST", "/fuzz-bucket", "delete=", body);
    r.headers.emplace_back("x-amz-checksum-sha256",
                           opsreg::aws::base64_encode(opsreg::aws::sha256(r.body)));
    w.send(std::move(r), "s3");
  } else if (operation == "CompleteMultipartUpload") {
    auto created = w.send(s3_request("POST", "/fuzz-bucket/big.bin", "uploads=", ""), "s3");
    FUZZ_CHECK(created.status == 200);
    std::string id = upload_id(created);
    w.send(s3_request("PUT", "/fuzz-bucket/big.bin", "partNumber=1&uploadId=" + id, "hello"), "s3");
    auto done = w.send(s3_request("POST", "/fuzz-bucket/big.bin", "uploadId=" + id, body), "s3");
    if (done.status == 200) {
      auto head = w.send(s3_request("HEAD", "/fuzz-bucket/big.bin", "", ""), "s3");
      FUZZ_CHECK(head.status == 200 && head.header("ETag").find('-') != std::string_view::npos);
    }
  }
  return 0;
}
