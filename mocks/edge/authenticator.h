// SigV4 verification of incoming requests against the world's access keys and role sessions,
// with the error each protocol gives for a missing, unknown, inactive, wrongly signed or stale
// request, and for a role session's missing, wrong or expired security token.
#pragma once

#include <string>

#include "core/aws/error_wire.h"
#include "core/aws/sigv4.h"
#include "core/http/http_types.h"
#include "core/util/result.h"
#include "mocks/services/service.h"

namespace opsreg::mocks {

class World;

// How far a signed request's time may be from the world clock (AWS: 15 minutes).
inline constexpr std::chrono::minutes kMaxClockSkew{15};

enum class AuthFailure {
  kMissing,         // no Authorization header, no presigned query
  kMalformed,       // present but unparseable
  kMalformedQuery,  // a presigned URL's X-Amz-* parameters are wrong (X-Amz-Expires, ...)
  kBadRegion,       // the credential scope names no valid region of the world's partition
  kUnknownKey,      // no such access key (or deleted)
  kInactiveKey,     // key exists, status Inactive
  kBadSignature,    // signature does not match the key's secret
  kExpired,         // X-Amz-Date more than 15 minutes off the world clock
  kPresignExpired,
  kBadToken,      // a session token that is not ours, or a session key without its token
  kExpiredToken,  // a role session past its expiration on the world clock
};

// The error AWS returns for `failure` in `protocol`; `detail` fills messages that quote
// the request (malformed reason, expired times; for kBadRegion the region, shortened when long).
aws::Error auth_error(aws::Protocol protocol, AuthFailure failure, const std::string& detail = {});

// Verifies `claim` (already parsed from `request`) against the world. On success returns the
// caller with its policies; records the key's last use. The edge stands for every regional
// endpoint (and the global ones) of the world's partition, so the scope may name any valid
// region of that partition; anything else is AWS's "Credential should be scoped to a valid
// region" (S3: AuthorizationHeaderMalformed, expecting the world's region). A role session's key
// must come with its X-Amz-Security-Token (header, or query when presigned) and be unexpired; its
// caller is the assumed-role ARN with the role's policies.
Result<Caller> authenticate(const http::Request& request, const aws::SignatureClaim& claim,
                            World& world, aws::Protocol protocol);

}  // namespace opsreg::mocks
