// A conformance case: AWS calls made the same way against the fakes and against a target (real
// AWS or any AWS-compatible server), with what each answer must share. One JSON file per case.
#pragma once

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace opsreg::scenarios::conform {

// AWS's documented answer to a call: success, or an error code and HTTP status (and the message
// where AWS documents one), with the API reference page that says so.
struct Documented {
  bool ok = false;
  std::string code;       // when !ok
  int status = 0;         // when !ok
  std::string message;    // empty: not documented, not compared
  std::string reference;  // https://docs.aws.amazon.com/...
};

struct ConformCall {
  size_t index = 0;  // 1-based within its list (steps or cleanup)
  std::string service;
  std::string operation;
  nlohmann::json params = nlohmann::json::object();  // may hold "${run}" and "$NAME.Member"
  std::string save_as;                               // results kept per side for references
  // Who signs: null, the side's operator; "$NAME", the key a saved CreateAccessKey result holds;
  // or {"access_key_id", "secret_access_key"} (each may be "$NAME.Member"). Resolved per side.
  nlohmann::json as;
  std::chrono::microseconds clock_skew{};  // the signer's clock that far ahead (behind: < 0)
  // Compared when both sides succeed: members whose values must match (after normalize()),
  // members that must be present on both sides (values free: ids, dates).
  std::vector<std::string> same;
  std::vector<std::string> present;
  bool same_message = false;  // compare error messages too (normalized)
  std::optional<Documented> documented;
};

struct ConformCase {
  std::string file;
  std::string name;
  std::string proves;  // one sentence, with the AWS reference that says so
  std::vector<ConformCall> steps;
  std::vector<ConformCall> cleanup;  // run on both sides after the steps, whatever happened
  // About opsreg's own model (the agent's channel, which AWS never published): left out of a
  // run against real AWS unless named.
  bool opsreg_only = false;
};

// Reads and checks a case file. Errors ("BadConformanceCase") read "FILE: steps[N]: what is
// wrong" or "FILE: what is wrong".
Result<ConformCase> load_conform_case(const std::filesystem::path& file);
Result<ConformCase> parse_conform_case(const nlohmann::json& j, const std::string& file);

}  // namespace opsreg::scenarios::conform
