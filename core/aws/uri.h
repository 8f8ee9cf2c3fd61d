// Percent-encoding as SigV4 and the query protocol define it (RFC 3986 unreserved set).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace opsreg::aws {

using Params = std::vector<std::pair<std::string, std::string>>;

// Encodes every byte outside A-Za-z0-9-_.~ ; '/' is kept when keep_slash.
std::string uri_encode(std::string_view s, bool keep_slash = false);
// Decodes %XX; '+' becomes ' ' only when plus_is_space (form bodies).
std::string uri_decode(std::string_view s, bool plus_is_space = false);
// Splits "a=1&b=2&a=3" into decoded pairs, in order, repeated keys kept.
Params parse_query(std::string_view query, bool plus_is_space = false);
// Joins pairs as a form body / query string, encoding keys and values.
std::string encode_query(const Params& params);
// S3's x-amz-copy-source as the AWS SDKs send it: "bucket/key" percent-encoded with '/' kept,
// a "?versionId=..." suffix left as it is.
std::string encode_copy_source(std::string_view source);

}  // namespace opsreg::aws
