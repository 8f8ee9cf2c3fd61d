// libFuzzer target: the HTTP front's request reader (mocks/server/request_reader.h: Boost.Beast's
// parser and the rules on top: framing, Host, obs-fold, transfer codings, head and body limits,
// pipelining), fed the input as a client's bytes. Asserts that the requests read (and whether
// the connection is refused) are the same whether the bytes arrive at once, one by one or in uneven
// pieces, and that no request read has two Hosts or a body over its limit. libFuzzer:
// -max_len=16384 -timeout=10
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/aws/headers.h"
#include "fuzz/fuzz_check.h"
#include "mocks/server/request_reader.h"

namespace {

using opsreg::mocks::RequestLimits;
using opsreg::mocks::RequestReader;

// Small limits, so that inputs of a few KiB reach 431 and 413 too.
constexpr RequestLimits kLimits{2048, 32, 4096};

// What a connection makes of the bytes: each request read, then how it ended.
std::vector<std::string> read_all(std::string_view bytes, size_t piece) {
  std::vector<std::string> out;
  RequestReader reader(kLimits);
  size_t at = 0;
  std::string_view next;
  while (true) {
    auto progress = reader.feed(next);
    next = {};
    if (progress == RequestReader::Progress::kHead) continue;
    if (progress == RequestReader::Progress::kDone) {
      opsreg::http::Request r = reader.take();
      FUZZ_CHECK(r.body.size() <= kLimits.body_bytes);
      size_t hosts = 0;
      for (const auto& [name, value] : r.headers) hosts += opsreg::aws::iequals(name, "Host");
      FUZZ_CHECK(hosts <= 1);
      std::string seen = r.method + " " + r.path + "?" + r.query + "\n";
      for (const auto& [name, value] : r.headers) seen += name + ": " + value + "\n";
      out.push_back(seen + "\n" + r.body);
      continue;
    }
    if (progress == RequestReader::Progress::kRejected) {
      out.push_back("rejected " + std::to_string(reader.rejection().status));
      return out;
    }
    if (at == bytes.size()) break;  // kNeedMore and nothing left to give
    next = bytes.substr(at, piece);
    at += next.size();
  }
  out.push_back(reader.started() ? "incomplete" : "idle");
  return out;
}

// The same requests, in order; and a refusal either way when one way refuses. Which refusal
// comes first may depend on how the bytes arrive: dribbled, a head over the size limit is refused
// (431) before it is whole, while whole it may first show a malformed field (400); and a head Beast
// refuses once it sees it whole may, dribbled, still wait for bytes when they run out ("bad
// version" on "HTTP/1.0&\n\r\n": the connection ends with 408). No request is served either way.
bool same_reading(std::vector<std::string> a, std::vector<std::string> b) {
  std::string end_a = a.back(), end_b = b.back();
  a.pop_back();
  b.pop_back();
  if (a != b) return false;
  bool rejected_a = end_a.starts_with("rejected"), rejected_b = end_b.starts_with("rejected");
  return rejected_a || rejected_b || end_a == end_b;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto whole = read_all(bytes, bytes.size() + 1);
  FUZZ_CHECK(same_reading(read_all(bytes, 1), whole));
  FUZZ_CHECK(same_reading(read_all(bytes, 7), whole));
  FUZZ_CHECK(same_reading(read_all(bytes, 1000), whole));
  return 0;
}
