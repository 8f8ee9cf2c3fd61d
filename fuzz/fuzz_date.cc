// libFuzzer target: the dates opsreg reads — ISO 8601 (world clocks, scenario expectations,
// API timestamps), SigV4's X-Amz-Date, HTTP dates (core/clock/time_format.h) and IAM policy Date
// values (mocks/policy/policy_date.h). Asserts that whatever parses formats back to text that
// parses to the same instant (to the second, or to the millisecond for the .000 form), and that
// the ISO 8601, X-Amz-Date and HTTP readings of one instant agree with the policy reading.
// libFuzzer: -max_len=64 -timeout=10
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock/time_format.h"
#include "fuzz/fuzz_check.h"
#include "mocks/policy/policy_date.h"

namespace {

using opsreg::TimePoint;

TimePoint to_seconds(TimePoint t) { return std::chrono::floor<std::chrono::seconds>(t); }
TimePoint to_millis(TimePoint t) { return std::chrono::floor<std::chrono::milliseconds>(t); }

// Every way of writing `t` reads back as `t` (at the precision the form keeps).
void check_round_trips(TimePoint t) {
  auto iso = opsreg::parse_iso8601(opsreg::format_iso8601(t));
  FUZZ_CHECK(iso && *iso == to_seconds(t));
  auto millis = opsreg::parse_iso8601(opsreg::format_iso8601_millis(t));
  FUZZ_CHECK(millis && *millis == to_millis(t));
  auto amz = opsreg::parse_amz_date(opsreg::format_amz_date(t));
  FUZZ_CHECK(amz && *amz == to_seconds(t));
  auto http = opsreg::parse_http_date(opsreg::format_http_date(t));
  FUZZ_CHECK(http && *http == to_seconds(t));
  auto policy = opsreg::mocks::policy::parse_policy_date(opsreg::format_iso8601(t));
  FUZZ_CHECK(policy && *policy == opsreg::mocks::policy::to_instant(to_seconds(t)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto t = opsreg::parse_iso8601(text)) check_round_trips(*t);
  if (auto t = opsreg::parse_amz_date(text)) check_round_trips(*t);
  if (auto t = opsreg::parse_http_date(text)) check_round_trips(*t);
  if (auto instant = opsreg::mocks::policy::parse_policy_date(text))
    FUZZ_CHECK(instant->nanos >= 0 && instant->nanos <= 999999999);
  return 0;
}
