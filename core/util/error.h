// The error value of the whole project: an AWS error as every protocol carries it (code,
// message, HTTP status, who is at fault). Result<T> (result.h) holds one; rendering to each wire
// format lives in core/aws/error_wire.h.
#pragma once

#include <string>

namespace opsreg::aws {

struct Error {
  std::string code;     // e.g. "NoSuchEntity", "ValidationException"
  std::string message;  // human-readable, as AWS words it
  int http_status = 400;
  bool sender_fault = true;  // <Type>Sender</Type> vs <Type>Receiver</Type>

  bool is(std::string_view c) const { return code == c; }
};

inline Error make_error(std::string code, std::string message, int http_status = 400) {
  return Error{std::move(code), std::move(message), http_status, http_status < 500};
}

}  // namespace opsreg::aws
