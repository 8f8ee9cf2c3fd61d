// Durations and clocks never wrap: parse_duration refuses what would overflow or exceeds 100
// years, and advancing a clock stops at its latest instant (2200-01-01) instead of wrapping
// back to the 1600s.
#include <gtest/gtest.h>

#include "core/clock/clock.h"
#include "core/clock/time_format.h"

namespace opsreg {
namespace {

using std::chrono::hours;
using std::chrono::microseconds;

TEST(ClockBounds, DurationsUpTo100YearsParse) {
  EXPECT_EQ(parse_duration("36500d"), microseconds(hours(24 * 36500)));
  EXPECT_EQ(parse_duration("36499d23h59m59s999ms"),
            microseconds(hours(24 * 36500)) - microseconds(1000));
  EXPECT_EQ(parse_duration("16m"), microseconds(std::chrono::minutes(16)));
}

TEST(ClockBounds, LongerOrOverflowingDurationsAreRefused) {
  for (const char* text : {"36501d", "90000d", "36500d1ms", "99999999999d", "9223372036854775807ms",
                           "99999999999999999999999s", "36500d36500d", "876001h"})
    EXPECT_EQ(parse_duration(text), std::nullopt) << text;
}

TEST(ClockBounds, AdvancingStopsAtTheLatestInstant) {
  auto start = *parse_iso8601("2026-01-01T00:00:00Z");
  VirtualClock v(start);
  for (int i = 0; i < 5; ++i) v.advance(*parse_duration("36500d"));
  EXPECT_EQ(format_iso8601(v.now()), "2200-01-01T00:00:00Z");
  v.advance(microseconds(INT64_MAX));
  EXPECT_EQ(format_iso8601(v.now()), "2200-01-01T00:00:00Z");

  OffsetClock o;
  for (int i = 0; i < 5; ++i) o.advance(*parse_duration("36500d"));
  EXPECT_EQ(format_iso8601(o.now()), "2200-01-01T00:00:00Z");
  o.advance(microseconds(INT64_MAX));
  EXPECT_EQ(format_iso8601(o.now()), "2200-01-01T00:00:00Z");
  EXPECT_EQ(clock_micros_plus(INT64_MAX, INT64_MAX), kLatestClockMicros);
  EXPECT_EQ(clock_micros_plus(0, INT64_MIN), 0);
}

}  // namespace
}  // namespace opsreg
