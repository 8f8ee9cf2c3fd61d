// The admin API under /_opsreg/ (unsigned, loopback only): read the world, the requests the
// edge answered and the hosts' files, move the clock, reset the world to its file.
//   GET  /_opsreg/world            the world snapshot (JSON, no secrets)
//   GET  /_opsreg/clock            {"clock": "2026-01-01T00:00:00.000Z", "virtual": BOOL}
//   POST /_opsreg/clock/advance    body {"by": "16m"}  -> {"clock": ...} (AdminHooks)
//   POST /_opsreg/reset            rebuilds the world from its source and clears the request
//                                  log -> {"reset": true}; no body needed
//   GET  /_opsreg/requests         the request log (mocks/edge/request_log.h), oldest first:
//                                  {"requests": [{"seq", "time", "service", "operation",
//                                  "access_key_id", "identity", "status", "error_code"?}],
//                                  "dropped": N}; query filters service=, operation=,
//                                  caller= (identity name or key id), ok=true|false, since=SEQ
//   GET  /_opsreg/operations       {"operations": {"iam": ["AddRoleToInstanceProfile", ...],
//                                  ...}}: each service's signing name and the AWS operations
//                                  its fake implements, sorted
//   GET  /_opsreg/hosts            {"hosts": [as serve's "hosts"]}
//   GET  /_opsreg/hosts/NAME/file?path=/etc/hosts
//                                  the file's bytes, read inside the host's tree; 404
//                                  {"error", "code": "NoSuchFile" | "NoSuchHost"}; 400 a path
//                                  leading out of the tree (PathOutsideRoot); 413 over 4 MiB
//   GET  /_opsreg/faults           the fault plan: {"seed", "rules": [rule + "id", "seen",
//                                  "hits", "remaining"], "ssh": {host: faults}}
//   POST /_opsreg/faults           body: a rule or an array of rules (world file "faults",
//                                  fixtures/worlds/README.md) -> the plan; 400 names the problem
//                                  (an SSH fault must name one of the world's hosts)
//   DELETE /_opsreg/faults         removes every rule and SSH fault -> the (empty) plan
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/util/result.h"
#include "mocks/edge/edge.h"
#include "mocks/edge/request_log.h"

namespace opsreg::mocks {

inline constexpr std::string_view kAdminPrefix = "/_opsreg/";

// What the owner of the server adds to the admin API.
struct AdminHooks {
  // Moves the world's clock for POST /_opsreg/clock/advance, e.g. stepping through what has
  // to happen on the way (the simulated agents' contacts, mocks/agents/agent_runner.h).
  // Empty: the world's advance().
  std::function<void(std::chrono::microseconds by)> advance_clock;
  // The log GET /_opsreg/requests lists and reset clears. Null: no such route (404).
  RequestLog* requests = nullptr;
  // GET /_opsreg/hosts's list. Empty: no hosts.
  std::function<nlohmann::json()> hosts;
  // The root of a host's tree, for GET /_opsreg/hosts/NAME/file (NoSuchHost when none).
  // Empty: every host is unknown.
  std::function<Result<std::filesystem::path>(const std::string& name)> host_root;
};

// The largest host file GET /_opsreg/hosts/NAME/file returns.
inline constexpr size_t kAdminMaxFileBytes = 4 * 1024 * 1024;

// Handles `request` when its path is under /_opsreg/, else returns nullopt.
std::optional<http::Response> handle_admin(Edge& edge, const http::Request& request,
                                           const AdminHooks& hooks = {});

}  // namespace opsreg::mocks
