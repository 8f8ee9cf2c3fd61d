// The client side's own view of an HTTP exchange (independent of cpp-httplib and of the
// fakes' types): a request to send to an endpoint URL, and the response read back.
#pragma once

#include <string>
#include <string_view>

#include "core/aws/headers.h"
#include "core/util/result.h"

namespace opsreg::http {

// An endpoint URL split into its parts: "https://iam.amazonaws.com" or
// "http://127.0.0.1:4566/base". `port` is the explicit port, or 443/80 by scheme.
struct Url {
  std::string scheme;  // "http" or "https"
  std::string host;    // without brackets or port
  int port = 0;
  std::string base_path;  // "" or "/base" (no trailing slash)

  // "https://host" or "http://host:port" (port shown only when not the scheme's default).
  std::string origin() const;
  // The value of the Host header: host, plus ":port" when not the scheme's default.
  std::string host_header() const;
};

// Parses an absolute http(s) URL. Errors are a ValidationError naming the URL, as the AWS
// CLI rejects a malformed --endpoint-url ("Bad value for --endpoint-url ...").
Result<Url> parse_url(std::string_view url);

struct HttpRequest {
  std::string method = "POST";
  std::string path = "/";  // percent-encoded, as sent (endpoint base path already included)
  std::string query;       // raw, without '?'; may be empty
  aws::Headers headers;    // Host is added by the transport when absent
  std::string body;

  std::string_view header(std::string_view name) const { return aws::find_header(headers, name); }
};

struct HttpResponse {
  int status = 0;
  aws::Headers headers;
  std::string body;

  std::string_view header(std::string_view name) const { return aws::find_header(headers, name); }
};

}  // namespace opsreg::http
