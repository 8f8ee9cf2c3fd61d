// How S3 answers a read (GetObject, HeadObject) before it sends bytes: the Range header
// (bytes=a-b, a-, -n) and the conditional headers (If-Match, If-None-Match, If-(Un)Modified-Since).
#pragma once

#include <optional>
#include <string_view>

#include "core/http/http_types.h"
#include "core/util/result.h"
#include "mocks/s3/model.h"

namespace opsreg::mocks::s3 {

struct ByteRange {
  size_t first = 0;
  size_t last = 0;  // inclusive
};

// nullopt when there is no usable Range (absent, not "bytes=", several ranges, malformed):
// S3 then sends the whole object. InvalidRange (416) when the range starts at or past the end,
// or is a zero-length suffix. The end of a range is clamped to the object.
Result<std::optional<ByteRange>> parse_range(std::string_view header, size_t size);

// S3's precedence: If-Match (412 PreconditionFailed) and If-Unmodified-Since (412, ignored when
// If-Match holds), then If-None-Match (304) and If-Modified-Since (304, ignored when
// If-None-Match is present). Returns the status to answer with, or 0 to proceed.
int check_preconditions(const http::Request& request, const Object& object);

}  // namespace opsreg::mocks::s3
