// An http::Response as the bytes of an HTTP/1.1 answer: status line, the handler's fields,
// Content-Type and Content-Length where the handler left them out, Connection: close when the
// server will close, and the body unless the request was a HEAD or the status has none.
#pragma once

#include <string>

#include "core/http/http_types.h"

namespace opsreg::mocks {

std::string write_response(const http::Response& response, bool head_request, bool close);

// A bare answer with no body for a request refused before any handler saw it (400, 413, 431,
// 501): its status and Connection: close.
std::string write_refusal(int status);

// The interim answer to "Expect: 100-continue".
inline constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

}  // namespace opsreg::mocks
