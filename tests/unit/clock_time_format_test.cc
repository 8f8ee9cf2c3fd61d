// Time as AWS writes it (ISO 8601, SigV4's amz-date, HTTP dates), human durations, and the
// virtual clock tests and scenarios run on.
#include <gtest/gtest.h>

#include "core/clock/clock.h"
#include "core/clock/time_format.h"

namespace opsreg {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

TimePoint at(int64_t epoch_seconds) { return TimePoint(seconds(epoch_seconds)); }

TEST(TimeFormat, FormatsIso8601AmzDateAndHttpDate) {
  TimePoint t = at(1795703488);  // 2026-11-26T14:31:28Z
  EXPECT_EQ(format_iso8601(t), "2026-11-26T14:31:28Z");
  EXPECT_EQ(format_iso8601_millis(t + milliseconds(7)), "2026-11-26T14:31:28.007Z");
  EXPECT_EQ(format_amz_date(t), "20261126T143128Z");
  EXPECT_EQ(format_http_date(t), "Thu, 26 Nov 2026 14:31:28 GMT");
}

TEST(TimeFormat, SubsecondsTruncateNotRound) {
  TimePoint t = at(1767225600) + microseconds(999999);
  EXPECT_EQ(format_iso8601(t), "2026-01-01T00:00:00Z");
  EXPECT_EQ(format_amz_date(t), "20260101T000000Z");
  EXPECT_EQ(format_iso8601_millis(t), "2026-01-01T00:00:00.999Z");
}

TEST(TimeFormat, BeforeEpochFormats) {
  EXPECT_EQ(format_iso8601(at(-1)), "1969-12-31T23:59:59Z");
  EXPECT_EQ(format_iso8601_millis(at(-1) + milliseconds(500)), "1969-12-31T23:59:59.500Z");
}

TEST(TimeFormat, Iso8601RoundTrips) {
  for (int64_t s : {0LL, 951782400LL /* 2000-02-29 */, 1767225600LL, 4102444799LL}) {
    EXPECT_EQ(parse_iso8601(format_iso8601(at(s))), at(s)) << s;
    EXPECT_EQ(parse_iso8601(format_iso8601_millis(at(s) + milliseconds(250))),
              at(s) + milliseconds(250))
        << s;
  }
}

TEST(TimeFormat, AmzDateRoundTrips) {
  for (int64_t s : {0LL, 951782400LL, 1767225600LL, 4102444799LL})
    EXPECT_EQ(parse_amz_date(format_amz_date(at(s))), at(s)) << s;
}

TEST(TimeFormat, Iso8601AcceptsFractionsAndUtcOffset) {
  TimePoint t = at(1767226500);  // 2026-01-01T00:15:00Z
  EXPECT_EQ(parse_iso8601("2026-01-01T00:15:00Z"), t);
  EXPECT_EQ(parse_iso8601("2026-01-01T00:15:00+00:00"), t);
  EXPECT_EQ(parse_iso8601("2026-01-01T00:15:00"), t);
  EXPECT_EQ(parse_iso8601("2026-01-01T00:15:00.5Z"), t + milliseconds(500));
  EXPECT_EQ(parse_iso8601("2026-01-01T00:15:00.123456Z"), t + microseconds(123456));
}

TEST(TimeFormat, Iso8601RejectsMalformed) {
  for (const char* bad : {"", "2026-01-01", "2026-1-01T00:00:00Z", "2026-13-01T00:00:00Z",
                          "2026-01-32T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01 00:00:00Z",
                          "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00Zjunk", "20260101T000000Z"})
    EXPECT_FALSE(parse_iso8601(bad)) << bad;
}

TEST(TimeFormat, AmzDateRejectsMalformed) {
  for (const char* bad : {"", "20260101T000000", "20260101 000000Z", "2026-01-01T00:00:00Z",
                          "20261301T000000Z", "2026010xT000000Z", "20260101T250000Z"})
    EXPECT_FALSE(parse_amz_date(bad)) << bad;
}

TEST(Duration, ParsesEachUnit) {
  EXPECT_EQ(parse_duration("90s"), seconds(90));
  EXPECT_EQ(parse_duration("16m"), minutes(16));
  EXPECT_EQ(parse_duration("2h"), minutes(120));
  EXPECT_EQ(parse_duration("90d"), std::chrono::hours(24 * 90));
  EXPECT_EQ(parse_duration("1500ms"), milliseconds(1500));
  EXPECT_EQ(parse_duration("0s"), seconds(0));
}

TEST(Duration, CombinesUnits) {
  EXPECT_EQ(parse_duration("14m59s"), seconds(14 * 60 + 59));
  EXPECT_EQ(parse_duration("1h30m"), minutes(90));
  EXPECT_EQ(parse_duration("1s500ms"), milliseconds(1500));
}

TEST(Duration, RejectsBadInput) {
  for (const char* bad :
       {"", "16", "m", "16x", "-5m", "1.5h", "16 m", " 16m", "16m ", "16M", "1mss", "ms"})
    EXPECT_FALSE(parse_duration(bad)) << bad;
}

TEST(VirtualClock, MovesOnlyWhenAdvanced) {
  VirtualClock clock(at(1767225600));
  EXPECT_EQ(clock.now(), at(1767225600));
  clock.advance(minutes(16));
  EXPECT_EQ(format_iso8601(clock.now()), "2026-01-01T00:16:00Z");
  clock.set(at(0));
  EXPECT_EQ(clock.now(), at(0));
}

TEST(VirtualClock, FollowsRealTimeOnlyWhileAsked) {
  VirtualClock clock(at(1767225600));
  clock.follow_real_time(true);
  TimePoint first = clock.now();
  while (clock.now() == first) {
  }                            // real time passes (microseconds): the clock moves by itself
  clock.advance(minutes(16));  // and advances still add
  EXPECT_GT(clock.now(), first + minutes(16));
  clock.follow_real_time(false);
  TimePoint stopped = clock.now();
  EXPECT_EQ(clock.now(), stopped);  // stands still again, where it was
  EXPECT_GT(stopped, at(1767225600) + minutes(16));
  EXPECT_LT(stopped, at(1767225600) + minutes(17));
}

TEST(OffsetClock, AddsItsOffsetToSystemTime) {
  OffsetClock clock;
  SystemClock system;
  clock.advance(std::chrono::hours(24 * 365));
  EXPECT_GT(clock.now(), system.now() + std::chrono::hours(24 * 364));
}

}  // namespace
}  // namespace opsreg
