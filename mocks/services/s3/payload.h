// The bytes of an S3 upload (PutObject, UploadPart) as S3 receives them: aws-chunked bodies
// decoded (trailing checksums read), then Content-MD5 and x-amz-checksum-* verified.
#pragma once

#include <string>

#include "core/http/http_types.h"
#include "core/util/result.h"

namespace opsreg::mocks::s3 {

struct Payload {
  std::string data;
  std::string content_encoding;  // Content-Encoding without "aws-chunked"
  std::string checksum_crc32;    // base64, when the client sent one (header or trailer)
  std::string checksum_sha256;   // base64, likewise
};

// Errors: InvalidDigest (malformed Content-MD5), BadDigest (Content-MD5 or checksum mismatch),
// InvalidRequest (malformed checksum value), IncompleteBody (aws-chunked length mismatch),
// InvalidChunkSizeError / IncompleteBody (broken aws-chunked framing).
Result<Payload> read_payload(const http::Request& request);

// Decodes an aws-chunked body ("<hex>[;ext]\r\n<bytes>\r\n ... 0\r\n<trailers>\r\n"), storing
// trailer headers (lowercase names) in `trailers`. Chunk signatures are not verified.
Result<std::string> decode_aws_chunked(std::string_view body, aws::Headers* trailers);

}  // namespace opsreg::mocks::s3
