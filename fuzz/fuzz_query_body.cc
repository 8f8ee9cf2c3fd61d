// libFuzzer target: the query-protocol form bodies of the IAM, STS and EC2 fakes
// (mocks/services/query_service.h and each service's parameter reading: lists, tags, policy
// documents in form fields), sent signed through the edge (edge_world.h). The input is the
// service ("iam", "sts" or "ec2"), a newline, then the form body (Action=...&...). Asserts that no
// body makes a fake fail internally (HTTP 500) and that every answer is XML.
// libFuzzer: -max_len=8192 -timeout=20
#include <cstddef>
#include <cstdint>
#include <pugixml.hpp>
#include <string>

#include "fuzz/edge_world.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto [service, body] = opsreg::fuzz::first_line_and_rest(data, size);
  if (service != "iam" && service != "sts" && service != "ec2") return 0;
  opsreg::fuzz::EdgeWorld w;
  opsreg::http::Request r;
  r.method = "POST";
  r.path = "/";
  r.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  r.body = body;
  auto response = w.send(std::move(r), service);
  pugi::xml_document doc;
  FUZZ_CHECK(doc.load_buffer(response.body.data(), response.body.size()));
  FUZZ_CHECK(doc.document_element());
  return 0;
}
