// Hashing and encoding primitives shared by SigV4, S3 ETags and key generation (OpenSSL).
// Byte strings are std::string; hex is lowercase.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace opsreg::aws {

std::string sha256(std::string_view data);                             // 32 raw bytes
std::string sha256_hex(std::string_view data);                         // 64 hex chars
std::string md5_hex(std::string_view data);                            // 32 hex chars
std::string hmac_sha256(std::string_view key, std::string_view data);  // 32 raw bytes
std::string hex(std::string_view bytes);
std::string base64_encode(std::string_view bytes);
// Returns false on malformed input.
bool base64_decode(std::string_view text, std::string* out);
uint32_t crc32(std::string_view data);
// The CRC32 as its 4 big-endian bytes: what S3's x-amz-checksum-crc32 carries (base64).
std::string crc32_bytes(std::string_view data);
// Compares in time independent of where the first difference is.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace opsreg::aws
