// libFuzzer target: the JSON 1.1 request bodies of the OpsWorks fake (mocks/services/json_service.h
// and mocks/services/opsworks: every operation's member reading and validation), sent signed
// through the edge (edge_world.h). The input is the operation's name (X-Amz-Target's suffix), a
// newline, then the body. Asserts that no body makes the fake fail internally (HTTP 500) and that
// every answer is a JSON object (a result, or an error with __type).
// libFuzzer: -max_len=8192 -timeout=20
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/util/json_bounded.h"
#include "fuzz/edge_world.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto [operation, body] = opsreg::fuzz::first_line_and_rest(data, size);
  opsreg::fuzz::EdgeWorld w;
  opsreg::http::Request r;
  r.method = "POST";
  r.path = "/";
  r.headers.emplace_back("Content-Type", "application/x-amz-json-1.1");
  r.headers.emplace_back("X-Amz-Target", "OpsWorks_20130218." + operation);
  r.body = body;
  auto response = w.send(std::move(r), "opsworks");
  auto answer = opsreg::parse_json_bounded(response.body);
  FUZZ_CHECK(answer.is_object());
  if (response.status >= 300) FUZZ_CHECK(answer.contains("__type"));
  return 0;
}
