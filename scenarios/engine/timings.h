// The timings file: each scenario's measured duration, read to balance shards
// (scenarios/engine/shard.h) and written after a run. A JSON object of scenario name to seconds
// (milliseconds precision), its members sorted by name, so that files written by different
// shards merge as plain objects do (`jq -s add timings-*.json`).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/util/result.h"
#include "scenarios/engine/runner.h"
#include "scenarios/engine/shard.h"

namespace opsreg::scenarios {

// The timings in `file`, or nullopt when there is no such file. Errors ("BadTimings"):
// unreadable or invalid JSON (as core/util/json_file.h says), "FILE: timings must be a JSON
// object of scenario name to seconds", "FILE: \"NAME\" is not a number of seconds (…)".
Result<std::optional<Timings>> read_timings(const std::filesystem::path& file);

// `timings` with each result's duration in place of what it held for that name.
Timings merge_timings(Timings timings, const std::vector<ScenarioResult>& results);

// The file's text: members sorted by name, seconds rounded to milliseconds, a final newline.
std::string timings_json(const Timings& timings);

// Writes timings_json(timings) to `file` atomically. Errors: "CannotWrite" naming the file.
Status write_timings(const std::filesystem::path& file, const Timings& timings);

}  // namespace opsreg::scenarios
