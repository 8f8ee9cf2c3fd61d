// libFuzzer target: the bounded JSON parse every parser of outside input goes through
// (core/util/json_bounded.h). Asserts that a parsed value never nests deeper than the bound (at
// the default 64 and at 3), that text the nesting scan refuses is never parsed, and that a
// parsed value's dump parses back to the same value.
// libFuzzer: -max_len=4096 -timeout=10
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/util/json_bounded.h"
#include "fuzz/fuzz_check.h"

namespace {

// The depth of the deepest array/object of `v` (a scalar: 0).
size_t depth(const nlohmann::json& v) {
  size_t deepest = 0;
  if (v.is_structured())
    for (const auto& child : v) deepest = std::max(deepest, depth(child));
  return v.is_structured() ? deepest + 1 : 0;
}

void check_bound(std::string_view text, size_t bound) {
  nlohmann::json v = opsreg::parse_json_bounded(text, bound);
  if (opsreg::json_nested_deeper_than(text, bound)) FUZZ_CHECK(v.is_discarded());
  if (v.is_discarded()) return;
  FUZZ_CHECK(depth(v) <= bound);
  nlohmann::json again = opsreg::parse_json_bounded(v.dump(), bound);
  FUZZ_CHECK(!again.is_discarded());
  FUZZ_CHECK(again == v);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  check_bound(text, opsreg::kMaxJsonDepth);
  check_bound(text, 3);
  return 0;
}
