// Opening the TCP connection for SSH ourselves (name lookup, each address in turn, a bounded
// non-blocking connect) so failures carry ssh's wording and a real timeout.
#pragma once

#include <chrono>
#include <string>

#include "core/util/result.h"

namespace opsreg::ssh {

// Returns a connected, blocking socket (the caller owns it). Errors, code "ConnectionFailed":
//   "ssh: Could not resolve hostname H: <reason>"
//   "ssh: connect to host H port P: Connection refused" / "...: Connection timed out"
Result<int> tcp_connect(const std::string& host, int port, std::chrono::milliseconds timeout);

}  // namespace opsreg::ssh
