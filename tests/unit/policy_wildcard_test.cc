// The building blocks of policy matching: `*`/`?` wildcards, ARN part matching, and IAM's
// date values.
#include <gtest/gtest.h>

#include "core/clock/time_format.h"
#include "mocks/policy/policy_date.h"
#include "mocks/policy/wildcard.h"

namespace opsreg::mocks::policy {
namespace {

TEST(PolicyWildcard, StarMatchesAnyRunIncludingEmpty) {
  EXPECT_TRUE(wildcard_match("*", ""));
  EXPECT_TRUE(wildcard_match("*", "anything:at/all"));
  EXPECT_TRUE(wildcard_match("a*b", "ab"));
  EXPECT_TRUE(wildcard_match("a*b", "aXXXb"));
  EXPECT_FALSE(wildcard_match("a*b", "aXXXbc"));
  EXPECT_TRUE(wildcard_match("*a*a*a", "aaaa"));
  EXPECT_TRUE(wildcard_match("a**b", "ab"));
  EXPECT_FALSE(wildcard_match("", "a"));
}

TEST(PolicyWildcard, QuestionMarkMatchesExactlyOne) {
  EXPECT_TRUE(wildcard_match("a?c", "abc"));
  EXPECT_FALSE(wildcard_match("a?c", "ac"));
  EXPECT_FALSE(wildcard_match("a?c", "abbc"));
}

TEST(PolicyWildcard, BacktracksAfterPartialMatch) {
  EXPECT_TRUE(wildcard_match("*abc", "ababc"));
  EXPECT_TRUE(wildcard_match("user/*/keys", "user/a/keys/b/keys"));
  EXPECT_FALSE(wildcard_match("user/*/keys", "user/a/keyz"));
}

TEST(PolicyWildcard, CaseOnlyIgnoredWhenAsked) {
  EXPECT_FALSE(wildcard_match("iam:get*", "iam:GetUser"));
  EXPECT_TRUE(wildcard_match("iam:get*", "iam:GetUser", /*ignore_case=*/true));
}

TEST(PolicyWildcard, LiteralPartsAreNotWildcards) {
  Pattern p = Pattern::wild("home/");
  p.append_literal("a*");
  p.append_wild("/*");
  EXPECT_TRUE(p.matches("home/a*/x"));
  EXPECT_FALSE(p.matches("home/abc/x"));
}

TEST(PolicyWildcard, ArnPartsMatchSeparately) {
  EXPECT_TRUE(arn_match(Pattern::wild("arn:aws:iam::*:user/*"), "arn:aws:iam::1:user/a:b"));
  EXPECT_FALSE(arn_match(Pattern::wild("arn:aws:iam::*:user/x"), "arn:aws:iam::1:2:user/x"));
  EXPECT_FALSE(arn_match(Pattern::wild("arn:aws:iam::*:user/x"), "not-an-arn"));
  EXPECT_TRUE(arn_match(Pattern::wild("*"), "arn:aws:s3:::b"));
}

TEST(PolicyDate, IsoAndEpochFormsAgree) {
  auto iso = parse_policy_date("2026-01-01T00:15:00Z");
  auto epoch = parse_policy_date("1767226500");
  auto offset = parse_policy_date("2026-01-01T01:15:00+01:00");
  auto lower_t = parse_policy_date("2026-01-01t00:15:00z");
  ASSERT_TRUE(iso && epoch && offset && lower_t);
  EXPECT_EQ(*iso, *epoch);
  EXPECT_EQ(*iso, *offset);
  EXPECT_EQ(*iso, *lower_t);
  EXPECT_EQ(*iso, to_instant(*parse_iso8601("2026-01-01T00:15:00Z")));
}

TEST(PolicyDate, PartialFormsDefaultToStartOfPeriod) {
  EXPECT_EQ(*parse_policy_date("2026T"), *parse_policy_date("2026-01-01T00:00:00Z"));
  EXPECT_EQ(parse_policy_date("2026")->seconds, 2026);  // digits alone are epoch seconds
  EXPECT_EQ(*parse_policy_date("2026-03"), *parse_policy_date("2026-03-01T00:00:00Z"));
  EXPECT_EQ(*parse_policy_date("2026-03-04T05"), *parse_policy_date("2026-03-04T05:00:00Z"));
}

TEST(PolicyDate, FractionsKeepSubsecondOrder) {
  auto a = parse_policy_date("2026-01-01T00:00:00.1Z");
  auto b = parse_policy_date("2026-01-01T00:00:00.123456789Z");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->nanos, 100000000);
  EXPECT_LT(*a, *b);
}

TEST(PolicyDate, RejectsWhatIamRejects) {
  for (const char* bad :
       {"sdfdsf", "234-13", "2016-12-13t2:00:00.593194+1", "2016-12-13t2:00:00.1999999999+10:59",
        "9223372036854775808", "2026-01-01-01", "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z", ""})
    EXPECT_FALSE(parse_policy_date(bad)) << bad;
}

TEST(PolicyDate, ExtremeYearsCompare) {
  auto past = parse_policy_date("-292275054");
  auto future = parse_policy_date("292278993-12-31T23:59:59Z");
  ASSERT_TRUE(past && future);
  EXPECT_LT(*past, *future);
  EXPECT_FALSE(parse_policy_date("292278994-01-01"));
}

}  // namespace
}  // namespace opsreg::mocks::policy
