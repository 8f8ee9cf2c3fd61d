// One HTTP exchange, independent of cpp-httplib: the request and the response as both sides
// see them. Core's clients send a Request to an endpoint URL and read the Response back; the
// fakes (mocks/) receive a Request from their loopback servers and answer with a Response.
#pragma once

#include <string>
#include <string_view>

#include "core/aws/headers.h"
#include "core/aws/sigv4.h"
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

struct Request {
  std::string method = "POST";  // upper case
  std::string path = "/";       // percent-encoded, as sent (endpoint base path already included)
  std::string query;            // raw, without '?'; may be empty
  aws::Headers headers;         // Host is added by the transport when absent
  std::string body;
  std::string remote_addr;  // the peer's address as a server saw it; unused when sending

  // First value of a header (case-insensitive), empty when absent.
  std::string_view header(std::string_view name) const { return aws::find_header(headers, name); }
  // A view for SigV4 (signing or verifying); valid while this Request lives.
  aws::SignableRequest signable() const {
    return aws::SignableRequest{method, path, query, headers, body};
  }
};

struct Response {
  int status = 200;
  aws::Headers headers;  // Content-Type among them
  std::string body;
  // A server's choice to answer nothing and close the connection (the fakes' dropped-connection
  // fault): the loopback server shuts the socket and an in-process transport reports
  // ConnectionClosedError. The other members are then ignored. Never set by a client.
  bool drop_connection = false;

  std::string_view header(std::string_view name) const { return aws::find_header(headers, name); }
  // Sets (replaces) a header.
  void set_header(std::string_view name, std::string value);
};

}  // namespace opsreg::http
