// aws-chunked decoding and the integrity checks S3 applies to uploaded bytes.
#include "mocks/services/s3/payload.h"

#include <algorithm>

#include "core/aws/crypto.h"
#include "core/util/split.h"

namespace opsreg::mocks::s3 {

namespace {
aws::Error incomplete_body() {
  return aws::make_error("IncompleteBody", "The request body terminated unexpectedly", 400);
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

// Removes "aws-chunked" from a Content-Encoding list.
std::string without_aws_chunked(std::string_view encoding) {
  std::string out;
  for (std::string_view field : split(encoding, ',')) {
    std::string item = trim(field);
    if (!item.empty() && lower(item) != "aws-chunked") out += (out.empty() ? "" : ",") + item;
  }
  return out;
}

// Checks one x-amz-checksum-<algo> value against the bytes.
Status check_checksum(std::string_view name, const std::string& value, const std::string& data) {
  std::string digest;
  std::string expected;
  size_t size = 0;
  std::string label;
  if (name == "crc32") {
    expected = aws::crc32_bytes(data);
    size = 4;
    label = "CRC32";
  } else {
    expected = aws::sha256(data);
    size = 32;
    label = "SHA256";
  }
  if (!aws::base64_decode(value, &digest) || digest.size() != size)
    return aws::make_error("InvalidRequest",
                           "Value for x-amz-checksum-" + std::string(name) + " header is invalid.",
                           400);
  if (digest != expected)
    return aws::make_error(
        "BadDigest", "The " + label + " you specified did not match the calculated checksum.", 400);
  return {};
}
}  // namespace

Result<std::string> decode_aws_chunked(std::string_view body, aws::Headers* trailers) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t eol = body.find("\r\n", pos);
    if (eol == std::string_view::npos) return incomplete_body();
    std::string_view line = body.substr(pos, eol - pos);
    std::string_view size_text = line.substr(0, line.find(';'));
    if (size_text.empty() || size_text.size() > 8 ||
        size_text.find_first_not_of("0123456789abcdefABCDEF") != std::string_view::npos)
      return aws::make_error("InvalidChunkSizeError",
                             "Only the last chunk is allowed to have a size less than 8192 bytes",
                             400);
    size_t size = std::stoul(std::string(size_text), nullptr, 16);
    pos = eol + 2;
    if (size == 0) break;
    if (body.size() < pos + size + 2 || body.substr(pos + size, 2) != "\r\n")
      return incomplete_body();
    out.append(body.substr(pos, size));
    pos += size + 2;
  }
  // Trailers: "name:value\r\n" lines up to an empty line (or the end of the body).
  while (pos < body.size()) {
    size_t eol = body.find("\r\n", pos);
    if (eol == std::string_view::npos) eol = body.size();
    std::string_view line = body.substr(pos, eol - pos);
    pos = eol + 2;
    if (line.empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return incomplete_body();
    trailers->emplace_back(lower(trim(line.substr(0, colon))), trim(line.substr(colon + 1)));
  }
  return out;
}

Result<Payload> read_payload(const http::Request& request) {
  Payload p;
  std::string_view sha = request.header("x-amz-content-sha256");
  std::string_view encoding = request.header("Content-Encoding");
  bool chunked =
      sha.starts_with("STREAMING-") || lower(encoding).find("aws-chunked") != std::string::npos;
  aws::Headers trailers;
  if (chunked) {
    auto decoded = decode_aws_chunked(request.body, &trailers);
    if (!decoded.ok()) return decoded.error();
    p.data = std::move(decoded.value());
    std::string_view declared = request.header("x-amz-decoded-content-length");
    if (!declared.empty() && declared != std::to_string(p.data.size())) return incomplete_body();
  } else {
    p.data = request.body;
  }
  p.content_encoding = without_aws_chunked(encoding);

  std::string_view md5 = request.header("Content-MD5");
  if (!md5.empty()) {
    std::string raw;
    if (!aws::base64_decode(md5, &raw) || raw.size() != 16)
      return aws::make_error("InvalidDigest", "The Content-MD5 you specified is not valid.", 400);
    if (aws::hex(raw) != aws::md5_hex(p.data))
      return aws::make_error("BadDigest",
                             "The Content-MD5 you specified did not match what we received.", 400);
  }
  for (std::string_view algo : {"crc32", "sha256"}) {
    std::string name = "x-amz-checksum-" + std::string(algo);
    std::string value(request.header(name));
    if (value.empty()) value = std::string(aws::find_header(trailers, name));
    if (value.empty()) continue;
    if (Status s = check_checksum(algo, value, p.data); !s.ok()) return s.error();
    (algo == "crc32" ? p.checksum_crc32 : p.checksum_sha256) = value;
  }
  return p;
}

}  // namespace opsreg::mocks::s3
