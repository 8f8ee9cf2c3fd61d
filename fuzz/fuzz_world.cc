// libFuzzer target: world files (fixtures/worlds/README.md) as `opsreg serve --world`, scenarios
// and tests load them: World::from_json (mocks/world/world.h) with its settings, identities,
// roles and their policies, buckets, stacks, hosts and faults. Asserts that a world that loads
// has a snapshot, and that a file that does not names a ValidationError-like code and a message.
// An "agent_key_pool" larger than the committed fixture pool is skipped: generating RSA keys
// is not parsing, and takes seconds.
// libFuzzer: -max_len=16384 -timeout=20
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/util/json_bounded.h"
#include "fuzz/fuzz_check.h"
#include "mocks/world/world.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  opsreg::fuzz::use_source_data_dir();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  nlohmann::json j = opsreg::parse_json_bounded(text);
  if (j.is_discarded()) return 0;
  if (j.is_object() && j.contains("settings") && j["settings"].is_object()) {
    const auto& pool = j["settings"].value("agent_key_pool", nlohmann::json());
    if (pool.is_number() && pool.get<double>() > 8) return 0;
  }
  auto world = opsreg::mocks::World::from_json(j, opsreg::mocks::ClockMode::kVirtual);
  if (!world.ok()) {
    FUZZ_CHECK(!world.error().code.empty() && !world.error().message.empty());
    return 0;
  }
  nlohmann::json snapshot = (*world)->snapshot();
  FUZZ_CHECK(snapshot.contains("iam") && snapshot.contains("opsworks"));
  FUZZ_CHECK(!snapshot.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).empty());
  return 0;
}
