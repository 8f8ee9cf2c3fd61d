// Reading, merging and writing the timings file.
#include "scenarios/engine/timings.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/util/atomic_file.h"
#include "core/util/json_file.h"

namespace opsreg::scenarios {

namespace {

aws::Error bad(const std::filesystem::path& file, const std::string& why) {
  return aws::make_error("BadTimings", file.string() + ": " + why, 0);
}

double rounded(double seconds) { return std::round(seconds * 1000) / 1000; }

}  // namespace

Result<std::optional<Timings>> read_timings(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::symlink_status(file, ec)))
    return std::optional<Timings>();
  auto j = read_json_file(file);
  if (!j.ok()) return aws::make_error("BadTimings", j.error().message, 0);
  if (!j->is_object())
    return bad(file, "timings must be a JSON object of scenario name to seconds");
  Timings out;
  for (const auto& [name, value] : j->items()) {
    if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0)
      return bad(file, "\"" + name + "\" is not a number of seconds (" + value.dump() + ")");
    out[name] = value.get<double>();
  }
  return std::optional<Timings>(std::move(out));
}

Timings merge_timings(Timings timings, const std::vector<ScenarioResult>& results) {
  for (const auto& r : results) timings[r.name] = r.seconds;
  return timings;
}

std::string timings_json(const Timings& timings) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [name, seconds] : timings) j[name] = rounded(seconds);
  return j.dump(2) + "\n";
}

Status write_timings(const std::filesystem::path& file, const Timings& timings) {
  return write_file_atomically(file, timings_json(timings), 0644);
}

}  // namespace opsreg::scenarios
