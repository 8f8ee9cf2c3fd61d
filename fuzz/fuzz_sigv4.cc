// libFuzzer target: SigV4 as the fakes read it from outside — the Authorization header, or a
// presigned URL's X-Amz-* query parameters (core/aws/sigv4.h parse_claim), and the canonical
// request built from any path, query and headers. The input is a request head ("METHOD
// TARGET", then header lines; request_head.h). Asserts that a parsed claim yields a 64-hex
// signature, and that signing this request (Authorization header, for S3 and for IAM rules, and
// presigned) and then verifying it as the edge does always agrees.
// libFuzzer: -max_len=4096 -timeout=10
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/aws/crypto.h"
#include "core/aws/sigv4.h"
#include "core/aws/uri.h"
#include "fuzz/fuzz_check.h"
#include "fuzz/request_head.h"

namespace {

using namespace opsreg;

const aws::Credentials kCreds{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                              ""};
const TimePoint kNow = std::chrono::system_clock::from_time_t(1764547200);  // 2025-12-01

bool hex64(std::string_view s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// Whether the edge, reading `req`, finds a claim whose signature is right for kCreds.
bool verifies(const aws::SignableRequest& req) {
  aws::SignatureClaim claim;
  std::string why;
  if (aws::parse_claim(req, &claim, &why) != aws::ClaimProblem::kNone) return false;
  return claim.access_key_id == kCreds.access_key_id &&
         aws::expected_signature(req, claim, kCreds.secret_access_key) == claim.signature;
}

void check_signed(const fuzz::RequestHead& head, std::string_view body, std::string_view service) {
  aws::SignableRequest req{head.method, head.path, head.query, head.headers, body};
  aws::sign_request(req, kCreds, "us-east-1", service, kNow);
  FUZZ_CHECK(verifies(req));
}

void check_presigned(const fuzz::RequestHead& head, std::string_view body,
                     std::string_view service) {
  // A query that already carries X-Amz-* parameters is not one a client presigns.
  for (const auto& [key, value] : aws::parse_query(head.query))
    if (key.starts_with("X-Amz-")) return;
  aws::SignableRequest req{head.method, head.path, head.query, head.headers, body};
  std::erase_if(req.headers, [](const auto& h) { return aws::iequals(h.first, "Authorization"); });
  req.query = aws::presign_query(req, kCreds, "us-east-1", service, kNow, 900);
  FUZZ_CHECK(verifies(req));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // The head, then an optional body after an empty line.
  size_t blank = text.find("\n\n");
  std::string_view body = blank == std::string_view::npos ? "" : text.substr(blank + 2);
  fuzz::RequestHead head = fuzz::read_request_head(text.substr(0, blank));

  aws::SignableRequest req{head.method, head.path, head.query, head.headers, body};
  aws::SignatureClaim claim;
  std::string why;
  if (aws::parse_claim(req, &claim, &why) == aws::ClaimProblem::kNone) {
    FUZZ_CHECK(!claim.access_key_id.empty());
    FUZZ_CHECK(hex64(aws::expected_signature(req, claim, kCreds.secret_access_key)));
    if (claim.presigned)
      FUZZ_CHECK(claim.expires_s >= 0 && claim.expires_s <= aws::kMaxPresignExpiry);
  }
  check_signed(head, body, "s3");
  check_signed(head, body, "iam");
  check_presigned(head, body, "s3");
  check_presigned(head, body, "sts");
  return 0;
}
