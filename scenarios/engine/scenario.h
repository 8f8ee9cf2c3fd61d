// A scenario file as loaded: its name, what it proves, the world it runs in and its steps,
// each checked for shape so that a bad file fails before anything runs (scenarios/README.md).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace opsreg::scenarios {

// The kinds of step a scenario has (one key of the step object names it).
inline constexpr const char* kStepKinds[] = {"register", "register_fleet", "call",  "advance",
                                             "host",     "expect",         "fault", "exec"};

struct Step {
  size_t index = 0;     // 1-based, as error messages and reports count
  std::string kind;     // one of kStepKinds
  nlohmann::json body;  // the value under the kind's key
  std::string as;       // register(_fleet) / call / exec: the identity acting ("operator")
  std::string save_as;  // register(_fleet) / call / exec: what later steps call it ("$NAME.Member")
};

struct Scenario {
  std::string file;  // as given (reports and errors name it)
  std::string name;
  std::string proves;
  nlohmann::json world;  // the world file's JSON with the scenario's changes merged in
  std::vector<Step> steps;
};

// Reads and checks a scenario file. Errors ("BadScenario") read
// "FILE: step N (KIND): what is wrong" or "FILE: what is wrong".
Result<Scenario> load_scenario(const std::filesystem::path& file);

// The same from parsed JSON; `file` names it in errors, and relative world files are read
// from `fixtures_dir` parent-relative paths ("fixtures/worlds/WORLD.json") or absolute ones.
Result<Scenario> parse_scenario(const nlohmann::json& j, const std::string& file);

// Reads and checks one step as the loader does (`opsreg expect` checks its expect objects so).
// Errors ("BadScenario") read "FILE: step INDEX (KIND): what is wrong".
Result<Step> parse_scenario_step(const std::string& file, const nlohmann::json& step, size_t index);

// The register step's flags as the CLI's arguments: {"stack_id": "S", "local": true,
// "target": "T"} -> ["--stack-id", "S", "--local", "T"] (false flags are left out).
Result<std::vector<std::string>> register_argv(const nlohmann::json& flags);

// Merges `changes` into `world`: objects member by member, arrays of objects by their
// identifying member (name, user_name, role_name, stack_id, layer_id, volume_id: an entry
// with a known id is merged into it, a new one appended), other values replaced; null removes.
void merge_world(nlohmann::json& world, const nlohmann::json& changes);

// Every *.json under each path (a file is taken as is; folders recursively), sorted per path.
Result<std::vector<std::filesystem::path>> scenario_files(const std::vector<std::string>& paths);

}  // namespace opsreg::scenarios
