// SigV4 verification and the per-protocol authentication errors.
#include "mocks/edge/authenticator.h"

#include "core/aws/crypto.h"
#include "core/aws/region.h"
#include "core/clock/time_format.h"
#include "mocks/world/world.h"

namespace opsreg::mocks {

namespace {
constexpr char kInvalidToken[] = "The security token included in the request is invalid.";
constexpr char kExpiredTokenMessage[] = "The security token included in the request is expired";
constexpr char kSigMismatch[] =
    "The request signature we calculated does not match the signature you provided. Check your "
    "AWS Secret Access Key and signing method. Consult the service documentation for details.";
constexpr char kEc2AuthFailure[] = "AWS was not able to validate the provided access credentials";
}  // namespace

aws::Error auth_error(aws::Protocol p, AuthFailure f, const std::string& detail) {
  using aws::make_error;
  using P = aws::Protocol;
  switch (f) {
    case AuthFailure::kMissing:
      if (p == P::kJson)
        return make_error("MissingAuthenticationTokenException", "Missing Authentication Token",
                          400);
      if (p == P::kRestXml) return make_error("AccessDenied", "Access Denied", 403);
      return make_error("MissingAuthenticationToken", "Request is missing Authentication Token",
                        403);
    case AuthFailure::kMalformed:
      if (p == P::kJson) return make_error("IncompleteSignatureException", detail, 400);
      if (p == P::kRestXml) return make_error("AuthorizationHeaderMalformed", detail, 400);
      return make_error("IncompleteSignature", detail, 400);
    case AuthFailure::kMalformedQuery:
      if (p == P::kRestXml) return make_error("AuthorizationQueryParametersError", detail, 400);
      return auth_error(p, AuthFailure::kMalformed, detail);
    case AuthFailure::kBadRegion: {
      std::string message = "Credential should be scoped to a valid region, not '" + detail + "'.";
      if (p == P::kJson) return make_error("InvalidSignatureException", message, 400);
      if (p == P::kEc2) return make_error("AuthFailure", message, 401);
      return make_error("SignatureDoesNotMatch", message, 403);
    }
    case AuthFailure::kUnknownKey:
    case AuthFailure::kInactiveKey:
    case AuthFailure::kBadToken:
      if (p == P::kJson) return make_error("UnrecognizedClientException", kInvalidToken, 400);
      if (p == P::kEc2) return make_error("AuthFailure", kEc2AuthFailure, 401);
      if (p == P::kRestXml) {
        if (f == AuthFailure::kBadToken)
          return make_error("InvalidToken", "The provided token is malformed or otherwise invalid.",
                            400);
        return make_error("InvalidAccessKeyId",
                          "The AWS Access Key Id you provided does not exist in our records.", 403);
      }
      return make_error("InvalidClientTokenId", kInvalidToken, 403);
    case AuthFailure::kBadSignature:
      if (p == P::kJson)
        return make_error("InvalidSignatureException", detail.empty() ? kSigMismatch : detail, 400);
      if (p == P::kEc2) return make_error("AuthFailure", kEc2AuthFailure, 401);
      if (p == P::kRestXml)
        return make_error("SignatureDoesNotMatch",
                          "The request signature we calculated does not match the signature you "
                          "provided. Check your key and signing method.",
                          403);
      return make_error("SignatureDoesNotMatch", detail.empty() ? kSigMismatch : detail, 403);
    case AuthFailure::kExpired:
      if (p == P::kJson) return make_error("InvalidSignatureException", detail, 400);
      if (p == P::kEc2) return make_error("RequestExpired", "Request has expired.", 400);
      if (p == P::kRestXml)
        return make_error("RequestTimeTooSkewed",
                          "The difference between the request time and the current time is too "
                          "large.",
                          403);
      return make_error("SignatureDoesNotMatch", detail, 403);
    case AuthFailure::kExpiredToken:
      if (p == P::kJson) return make_error("ExpiredTokenException", kExpiredTokenMessage, 400);
      if (p == P::kEc2) return make_error("RequestExpired", "Request has expired.", 400);
      if (p == P::kRestXml)
        return make_error("ExpiredToken", "The provided token has expired.", 400);
      return make_error("ExpiredToken", kExpiredTokenMessage, 403);
    case AuthFailure::kPresignExpired:
      return make_error("AccessDenied", "Request has expired", 403);
  }
  return make_error("AccessDenied", "Access Denied", 403);
}

Result<Caller> authenticate(const http::Request& request, const aws::SignatureClaim& claim,
                            World& world, aws::Protocol protocol) {
  auto grant = world.iam().resolve_key(claim.access_key_id);
  if (!grant) return auth_error(protocol, AuthFailure::kUnknownKey);
  if (grant->expiration) {
    // A role session: its token must come with it (S3 calls a session key without one unknown).
    if (claim.security_token.empty())
      return auth_error(protocol, protocol == aws::Protocol::kRestXml ? AuthFailure::kUnknownKey
                                                                      : AuthFailure::kBadToken);
    if (!aws::constant_time_equal(claim.security_token, grant->session_token))
      return auth_error(protocol, AuthFailure::kBadToken);
    if (world.now() >= *grant->expiration) return auth_error(protocol, AuthFailure::kExpiredToken);
  } else if (!claim.security_token.empty()) {
    return auth_error(protocol, AuthFailure::kBadToken);
  }

  auto request_time = parse_amz_date(claim.amz_date);
  if (!request_time) {
    return auth_error(protocol, AuthFailure::kMalformed,
                      "Invalid date format in X-Amz-Date: " + claim.amz_date);
  }
  if (claim.date != claim.amz_date.substr(0, 8)) {
    return auth_error(protocol, AuthFailure::kBadSignature,
                      "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of "
                      "date from HTTP: '" +
                          claim.date + "' != '" + claim.amz_date.substr(0, 8) + "', from '" +
                          claim.amz_date + "'.");
  }
  if (!aws::valid_region_name(claim.region) ||
      aws::partition_of(claim.region) != aws::partition_of(world.region())) {
    // Quoted shortened: the scope is the sender's and may be any length.
    std::string quoted = claim.region.size() > aws::kMaxRegionName
                             ? claim.region.substr(0, aws::kMaxRegionName) + "..."
                             : claim.region;
    if (protocol == aws::Protocol::kRestXml)
      return aws::make_error("AuthorizationHeaderMalformed",
                             "The authorization header is malformed; the region '" + quoted +
                                 "' is wrong; expecting '" + world.region() + "'",
                             400);
    return auth_error(protocol, AuthFailure::kBadRegion, quoted);
  }
  aws::SignableRequest signable = request.signable();
  std::string expected = aws::expected_signature(signable, claim, grant->secret_access_key);
  if (!aws::constant_time_equal(expected, claim.signature))
    return auth_error(protocol, AuthFailure::kBadSignature);
  if (!grant->active) return auth_error(protocol, AuthFailure::kInactiveKey);
  std::string_view declared_hash = request.header("X-Amz-Content-SHA256");
  if (declared_hash.size() == 64 && declared_hash != aws::sha256_hex(request.body)) {
    if (protocol != aws::Protocol::kRestXml)
      return auth_error(protocol, AuthFailure::kBadSignature);
    return aws::make_error("XAmzContentSHA256Mismatch",
                           "The provided 'x-amz-content-sha256' header does not match what was "
                           "computed.",
                           400);
  }

  TimePoint now = world.now();
  if (claim.presigned) {
    if (now > *request_time + std::chrono::seconds(claim.expires_s))
      return auth_error(protocol, AuthFailure::kPresignExpired);
  } else if (*request_time + kMaxClockSkew < now) {
    return auth_error(protocol, AuthFailure::kExpired,
                      "Signature expired: " + claim.amz_date + " is now earlier than " +
                          format_amz_date(now - kMaxClockSkew) + " (" + format_amz_date(now) +
                          " - 15 min.)");
  } else if (*request_time > now + kMaxClockSkew) {
    return auth_error(protocol, AuthFailure::kExpired,
                      "Signature not yet current: " + claim.amz_date + " is still later than " +
                          format_amz_date(now + kMaxClockSkew) + " (" + format_amz_date(now) +
                          " + 15 min.)");
  }
  world.iam().note_key_used(claim.access_key_id, claim.service, claim.region);
  Caller caller;
  caller.anonymous = false;
  caller.principal = std::move(grant->principal);
  caller.access_key_id = claim.access_key_id;
  caller.policies = std::move(grant->policies);
  return caller;
}

}  // namespace opsreg::mocks
