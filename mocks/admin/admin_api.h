// The admin API under /_opsreg/ (unsigned, loopback only): read the world, move its clock,
// reset it to the file it was loaded from.
//   GET  /_opsreg/world            the world snapshot (JSON, no secrets)
//   GET  /_opsreg/clock            {"clock": "2026-01-01T00:00:00.000Z"}
//   POST /_opsreg/clock/advance    body {"by": "16m"}  -> {"clock": ...} (AdminHooks)
//   POST /_opsreg/reset            rebuilds the world from its source -> {"reset": true}
//   GET  /_opsreg/faults           the fault plan: {"seed", "rules": [rule + "id", "seen",
//                                  "hits", "remaining"], "ssh": {host: faults}}
//   POST /_opsreg/faults           body: a rule or an array of rules (world file "faults",
//                                  fixtures/worlds/README.md) -> the plan; 400 names the problem
//                                  (an SSH fault must name one of the world's hosts)
//   DELETE /_opsreg/faults         removes every rule and SSH fault -> the (empty) plan
#pragma once

#include <chrono>
#include <functional>
#include <optional>

#include "mocks/edge/edge.h"

namespace opsreg::mocks {

inline constexpr std::string_view kAdminPrefix = "/_opsreg/";

// What the owner of the server adds to the admin API.
struct AdminHooks {
  // Moves the world's clock for POST /_opsreg/clock/advance, e.g. stepping through what has
  // to happen on the way (the simulated agents' contacts, mocks/agents/agent_runner.h).
  // Empty: the world's advance().
  std::function<void(std::chrono::microseconds by)> advance_clock;
};

// Handles `request` when its path is under /_opsreg/, else returns nullopt.
std::optional<http::Response> handle_admin(Edge& edge, const http::Request& request,
                                           const AdminHooks& hooks = {});

}  // namespace opsreg::mocks
