// Serializing answers; reason phrases from Beast's table.
#include "mocks/server/response_writer.h"

#include <boost/beast/http/status.hpp>

namespace opsreg::mocks {

namespace {

std::string status_line(int status) {
  auto reason =
      boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(status));
  std::string line = "HTTP/1.1 " + std::to_string(status) + " ";
  if (reason.empty())
    line += "Unknown";
  else
    line.append(reason.data(), reason.size());
  line += "\r\n";
  return line;
}

// RFC 9110 6.4.1: 1xx, 204 and 304 answers never carry content.
bool has_no_content(int status) { return status < 200 || status == 204 || status == 304; }

}  // namespace

std::string write_response(const http::Response& response, bool head_request, bool close) {
  std::string out = status_line(response.status);
  bool content_type = false, content_length = false;
  for (const auto& [name, value] : response.headers) {
    if (aws::iequals(name, "Connection")) continue;
    content_type = content_type || aws::iequals(name, "Content-Type");
    content_length = content_length || aws::iequals(name, "Content-Length");
    out += name + ": " + value + "\r\n";
  }
  bool bodiless = has_no_content(response.status);
  if (!content_type && !bodiless) out += "Content-Type: text/plain\r\n";
  // A HEAD answer's handler may name the length of what a GET would send.
  if (!content_length && !bodiless)
    out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
  if (close) out += "Connection: close\r\n";
  out += "\r\n";
  if (!head_request && !bodiless) out += response.body;
  return out;
}

std::string write_refusal(int status) {
  return status_line(status) + "Content-Length: 0\r\nConnection: close\r\n\r\n";
}

}  // namespace opsreg::mocks
