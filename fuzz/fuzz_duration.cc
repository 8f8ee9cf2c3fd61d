// libFuzzer target: human durations as world files, scenarios and flags write them ("90s",
// "14m59s", "1500ms", "36500d"; core/clock/time_format.h parse_duration). Asserts that a parsed
// duration is never negative nor past kMaxDuration (no wrapping), and that the same text with
// an "ms" or "s" term appended parses to exactly that much more when it stays in bounds.
// libFuzzer: -max_len=64 -timeout=10
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock/time_format.h"
#include "fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using std::chrono::microseconds;
  std::string text(reinterpret_cast<const char*>(data), size);
  auto d = opsreg::parse_duration(text);
  if (!d) return 0;
  FUZZ_CHECK(*d >= microseconds(0));
  FUZZ_CHECK(*d <= opsreg::kMaxDuration);
  auto more = opsreg::parse_duration(text + "1500ms");
  if (*d + microseconds(1500000) <= opsreg::kMaxDuration) {
    FUZZ_CHECK(more && *more == *d + microseconds(1500000));
  } else {
    FUZZ_CHECK(!more);
  }
  return 0;
}
