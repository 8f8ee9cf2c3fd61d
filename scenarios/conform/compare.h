// Comparing one call's answers from the fakes and from the target: the outcome (success, or the
// error code and HTTP status), then the members a case names, after normalising what must
// differ between two accounts (account ids) and two runs (the run's name prefix).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/error.h"
#include "scenarios/conform/conform_case.h"

namespace opsreg::scenarios::conform {

// What one side answered.
struct Outcome {
  bool ok = false;
  aws::Error error;       // when !ok
  nlohmann::json result;  // when ok: what wire_call saved (OpsWorks JSON, XML leaves, S3's)

  // "ok", or "CODE (STATUS)" ("NoSuchEntity (404)"; the status left out when unknown).
  std::string summary() const;
};

// `text` with every 12-digit account id replaced by "<account>" and `run` (the run's prefix)
// by "${run}", so values from two accounts and runs compare.
std::string normalize(const std::string& text, const std::string& run);

// The differences between the fakes' and the reference's answers to `call`, each one line:
// "outcome: fakes NoSuchEntity (404), target ok", "UserName: fakes \"a\", target \"b\"",
// "CreateDate: missing from the target's answer"; `label` names the reference ("target",
// "snapshot", "documented"). Empty when they agree.
std::vector<std::string> differences(const ConformCall& call, const Outcome& fakes,
                                     const Outcome& target, const std::string& run,
                                     std::string_view label = "target");

// The first member called `name` at any depth of `answer`, or the member at a path "A.B" from
// the top; null when there is none.
const nlohmann::json* find_member(const nlohmann::json& answer, const std::string& name);

}  // namespace opsreg::scenarios::conform
