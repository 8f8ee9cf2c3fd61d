// libFuzzer target: scenario files (scenarios/README.md) as `opsreg scenario run` loads them:
// parse_scenario (scenarios/engine/scenario.h) — the world it names merged with its changes,
// and every step's shape, operations checked against the fakes'. Asserts that a scenario that
// loads has a name and numbered steps of known kinds, and that one that does not is a
// BadScenario naming the file.
// libFuzzer: -max_len=16384 -timeout=20
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/util/json_bounded.h"
#include "fuzz/fuzz_check.h"
#include "scenarios/engine/scenario.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  opsreg::fuzz::use_source_data_dir();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  nlohmann::json j = opsreg::parse_json_bounded(text);
  if (j.is_discarded()) return 0;
  // As if it sat in the scenario library: relative world files resolve beside it.
  const std::string file = std::string(OPSREG_SOURCE_DIR) + "/scenarios/library/fuzz.json";
  auto scenario = opsreg::scenarios::parse_scenario(j, file);
  if (!scenario.ok()) {
    FUZZ_CHECK(scenario.error().code == "BadScenario");
    FUZZ_CHECK(scenario.error().message.find(file) != std::string::npos);
    return 0;
  }
  FUZZ_CHECK(!scenario->name.empty());
  size_t index = 0;
  for (const auto& step : scenario->steps) {
    FUZZ_CHECK(step.index == ++index);
    bool known = false;
    for (const char* kind : opsreg::scenarios::kStepKinds) known = known || step.kind == kind;
    FUZZ_CHECK(known);
  }
  return 0;
}
