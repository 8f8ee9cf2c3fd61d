// AWS errors on the wire, in each protocol's format, both ways: the fakes render them, our
// clients parse them. Query (IAM, STS): <ErrorResponse><Error><Type/><Code/><Message/>;
// EC2: <Response><Errors><Error>; JSON 1.1: {"__type","message"}; S3: <Error><Code/>.
#pragma once

#include <string>
#include <string_view>

#include "core/util/error.h"

namespace opsreg::aws {

enum class Protocol { kQuery, kEc2, kJson, kRestXml };

struct WireError {
  int status;
  std::string content_type;
  std::string body;
};

// `resource` is S3's <Resource> (the path); ignored by other protocols. `xml_namespace` is the
// query protocol's <ErrorResponse xmlns> (each service its own; "" reads IAM's).
WireError render_error(Protocol protocol, const Error& error, std::string_view request_id,
                       std::string_view resource = {}, std::string_view xml_namespace = {});

// Reads an error body back; falls back to the HTTP status when the body says nothing.
Error parse_error(Protocol protocol, int http_status, std::string_view body);

}  // namespace opsreg::aws
