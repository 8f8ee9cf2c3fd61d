// The edge's own view of an HTTP exchange, independent of the HTTP library: what services
// receive and return, and what tests and scenarios can drive without a socket.
#pragma once

#include <string>
#include <string_view>

#include "core/aws/sigv4.h"

namespace opsreg::mocks {

struct Request {
  std::string method;  // upper case
  std::string path;    // percent-encoded, as sent
  std::string query;   // raw, without '?'
  aws::Headers headers;
  std::string body;
  std::string remote_addr;

  // First value of a header (case-insensitive), empty when absent.
  std::string_view header(std::string_view name) const;
  // A view for SigV4; valid while this Request lives.
  aws::SignableRequest signable() const;
};

struct Response {
  int status = 200;
  std::string content_type;
  std::string body;
  aws::Headers headers;  // extra headers (ETag, x-amz-request-id, ...)
  // A fault (mocks/faults): send nothing; the HTTP server closes the connection and an
  // in-process transport reports ConnectionClosedError. The other members are ignored.
  bool drop_connection = false;
};

}  // namespace opsreg::mocks
