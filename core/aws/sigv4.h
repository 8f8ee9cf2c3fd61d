// AWS Signature Version 4: signing (Authorization header or presigned query) for our clients,
// and the same canonical computation for the fakes that verify what real clients send.
// S3 differs from every other service in two ways: its path is used as sent (no normalising,
// no second encoding) and its payload hash travels in X-Amz-Content-SHA256.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/aws/headers.h"
#include "core/clock/clock.h"
#include "core/util/result.h"

namespace opsreg::aws {

inline constexpr std::string_view kUnsignedPayload = "UNSIGNED-PAYLOAD";

// A request as it is (or will be) on the wire.
struct SignableRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // percent-encoded as sent, without the query; "/" at least
  std::string query;   // raw query string as sent, without '?'; may be empty
  Headers headers;     // names in any case; must include Host
  std::string_view body;

  // First value of a header, case-insensitive; empty when absent.
  std::string_view header(std::string_view name) const;
};

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // empty unless temporary credentials
  bool empty() const { return access_key_id.empty(); }
};

// Signs in place: adds X-Amz-Date, X-Amz-Security-Token (if any), X-Amz-Content-SHA256 (S3)
// and Authorization. `req.body` must stay valid for the call.
void sign_request(SignableRequest& req, const Credentials& creds, std::string_view region,
                  std::string_view service, TimePoint now);

// Returns the query string (without '?') of a presigned URL for `req` valid for `expires_s`.
// Only Host is signed; the payload is UNSIGNED-PAYLOAD for S3 and the body's SHA-256 for
// other services (as botocore's SigV4QueryAuth).
std::string presign_query(const SignableRequest& req, const Credentials& creds,
                          std::string_view region, std::string_view service, TimePoint now,
                          int expires_s);

// What a signed request claims, read from its Authorization header or presigned query.
struct SignatureClaim {
  std::string access_key_id;
  std::string date;  // yyyymmdd of the credential scope
  std::string region;
  std::string service;
  std::vector<std::string> signed_headers;  // lowercase, as listed
  std::string signature;                    // hex
  std::string amz_date;                     // yyyymmddThhmmssZ, from X-Amz-Date or Date
  std::string security_token;
  bool presigned = false;
  int expires_s = 0;  // presigned only
};

enum class ClaimProblem { kNone, kMissing, kMalformed, kMalformedQuery };

// The longest X-Amz-Expires of a presigned URL AWS accepts: 7 days.
inline constexpr int kMaxPresignExpiry = 604800;

// Reads the claim. kMissing when the request carries no SigV4 authentication at all;
// kMalformed (with a message) when it does but cannot be parsed; kMalformedQuery when a
// presigned URL's X-Amz-* parameters are wrong (algorithm, X-Amz-Expires not a number of
// seconds from 0 to kMaxPresignExpiry, S3's messages).
ClaimProblem parse_claim(const SignableRequest& req, SignatureClaim* claim, std::string* why);

// The pieces of the computation, exposed for verification and for tests against botocore.
std::string canonical_request(const SignableRequest& req,
                              const std::vector<std::string>& signed_headers,
                              std::string_view payload_hash, bool s3_rules, bool presigned);
std::string string_to_sign(std::string_view amz_date, std::string_view scope,
                           std::string_view canonical_request);
std::string signing_key(std::string_view secret, std::string_view date, std::string_view region,
                        std::string_view service);

// The signature the claim should carry if the sender knew `secret`.
std::string expected_signature(const SignableRequest& req, const SignatureClaim& claim,
                               std::string_view secret);

}  // namespace opsreg::aws
