// Durations, timestamps and clocks never wrap: parse_duration refuses what would overflow or
// exceeds 100 years, the timestamp parsers refuse what a TimePoint cannot hold, and advancing a
// clock stops at its latest instant (2200-01-01) instead of wrapping back to the 1600s.
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

// A TimePoint counts nanoseconds in 64 bits (1677-09-21 to 2262-04-11): a timestamp outside
// the years 1678 to 2261 is refused, never wrapped (9999-12-31 used to read as 1816).
TEST(ClockBounds, TimestampsATimePointCannotHoldAreRefused) {
  for (const char* text : {"9999-12-31T23:59:59Z", "2262-04-12T00:00:00Z", "1677-09-20T00:00:00Z",
                           "0999-01-01T00:00:00Z", "0001-01-01T00:00:00Z"})
    EXPECT_EQ(parse_iso8601(text), std::nullopt) << text;
  EXPECT_EQ(parse_amz_date("99991231T235959Z"), std::nullopt);
  EXPECT_EQ(parse_amz_date("16000101T000000Z"), std::nullopt);
  EXPECT_EQ(parse_http_date("Fri, 31 Dec 9999 23:59:59 GMT"), std::nullopt);
  auto latest = parse_iso8601("2261-12-31T23:59:59.999999Z");
  ASSERT_TRUE(latest);
  EXPECT_EQ(format_iso8601(*latest), "2261-12-31T23:59:59Z");
  auto earliest = parse_amz_date("16780101T000000Z");
  ASSERT_TRUE(earliest);
  EXPECT_EQ(format_iso8601(*earliest), "1678-01-01T00:00:00Z");
}

// Before 1970 an instant's milliseconds count back from the epoch: the written fraction is
// still the one after the written second (…59.9972 is …59.997, not …59.998).
TEST(ClockBounds, MillisecondsOfInstantsBefore1970) {
  auto t = parse_iso8601("1891-12-31T23:59:59.9972Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_iso8601_millis(*t), "1891-12-31T23:59:59.997Z");
  EXPECT_EQ(format_iso8601_millis(*parse_iso8601("1969-12-31T23:59:59.0005Z")),
            "1969-12-31T23:59:59.000Z");
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
