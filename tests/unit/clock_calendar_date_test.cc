// Timestamps name real calendar instants: days per month, leap years and the ranges of hours,
// minutes and seconds are checked by every parser (ISO 8601, SigV4's amz-date, HTTP dates).
#include <gtest/gtest.h>

#include "core/clock/time_format.h"

namespace opsreg {
namespace {

TEST(CalendarDate, AmzDateRejectsDaysAMonthDoesNotHave) {
  EXPECT_FALSE(parse_amz_date("20260230T000000Z"));
  EXPECT_FALSE(parse_amz_date("20260229T000000Z"));  // 2026 is no leap year
  EXPECT_FALSE(parse_amz_date("20260431T000000Z"));
  EXPECT_FALSE(parse_amz_date("21000229T000000Z"));  // centuries are not, unless by 400
  EXPECT_TRUE(parse_amz_date("20280229T000000Z"));
  EXPECT_TRUE(parse_amz_date("20000229T000000Z"));
  EXPECT_TRUE(parse_amz_date("20260131T235959Z"));
}

TEST(CalendarDate, AmzDateRejectsTimesOutOfRange) {
  EXPECT_FALSE(parse_amz_date("20260101T240000Z"));
  EXPECT_FALSE(parse_amz_date("20260101T006000Z"));
  EXPECT_FALSE(parse_amz_date("20260101T000060Z"));
  EXPECT_FALSE(parse_amz_date("00000101T000000Z"));
}

TEST(CalendarDate, Iso8601AndHttpDateRejectTheSame) {
  EXPECT_FALSE(parse_iso8601("2026-02-30T00:00:00Z"));
  EXPECT_FALSE(parse_iso8601("2026-06-31T12:00:00Z"));
  EXPECT_FALSE(parse_iso8601("2026-01-01T12:00:60Z"));
  EXPECT_TRUE(parse_iso8601("2024-02-29T12:00:00Z"));
  EXPECT_FALSE(parse_http_date("Mon, 30 Feb 2026 00:00:00 GMT"));
  EXPECT_FALSE(parse_http_date("Thu, 01 Jan 2026 24:00:00 GMT"));
  EXPECT_TRUE(parse_http_date("Thu, 29 Feb 2024 00:00:00 GMT"));
}

}  // namespace
}  // namespace opsreg
