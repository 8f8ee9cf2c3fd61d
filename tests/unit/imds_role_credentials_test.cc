// IMDS role credential rotation on a virtual clock: one set per 6-hour session, a new one once
// less than 15 minutes are left, and a failing source asked again on the next request.
#include <gtest/gtest.h>

#include "core/clock/time_format.h"
#include "mocks/imds/role_credentials.h"

namespace opsreg::mocks::imds {
namespace {

using namespace std::chrono_literals;

TEST(ImdsRoleCredentials, TheSameSetIsServedUntilFifteenMinutesAreLeft) {
  TimePoint t0 = *parse_iso8601("2026-01-01T00:00:00Z");
  int issued = 0;
  RoleCredentialsCache cache([&](TimePoint now) -> Result<RoleCredentials> {
    ++issued;
    return RoleCredentials{"ASIA" + std::to_string(issued), "s", "t", now + kRoleSessionDuration};
  });
  auto a = cache.current(t0);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->credentials.access_key_id, "ASIA1");
  EXPECT_EQ(a->last_updated, t0);
  EXPECT_EQ(cache.current(t0 + 5h + 45min)->credentials.access_key_id, "ASIA1");
  auto b = cache.current(t0 + 5h + 45min + 1s);
  EXPECT_EQ(b->credentials.access_key_id, "ASIA2");
  EXPECT_EQ(b->last_updated, t0 + 5h + 45min + 1s);
  EXPECT_EQ(b->credentials.expiration, t0 + 11h + 45min + 1s);
  EXPECT_EQ(issued, 2);
}

TEST(ImdsRoleCredentials, AFailingSourceIsAskedAgainNextTime) {
  TimePoint t0 = *parse_iso8601("2026-01-01T00:00:00Z");
  bool fail = true;
  RoleCredentialsCache cache([&](TimePoint now) -> Result<RoleCredentials> {
    if (fail)
      return aws::make_error("NoSuchEntity", "The role opsworks-instance-role cannot be found.");
    return RoleCredentials{"ASIAOK", "s", "t", now + kRoleSessionDuration};
  });
  auto r = cache.current(t0);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "The role opsworks-instance-role cannot be found.");
  fail = false;
  EXPECT_EQ(cache.current(t0 + 1s)->credentials.access_key_id, "ASIAOK");
}

TEST(ImdsRoleCredentials, NoSourceIsNoRoleSessionSource) {
  RoleCredentialsCache cache(nullptr);
  auto r = cache.current(TimePoint{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "NoRoleSessionSource");
  EXPECT_EQ(r.error().message, "no role session source");
}

}  // namespace
}  // namespace opsreg::mocks::imds
