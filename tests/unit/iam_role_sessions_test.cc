// Role sessions in the IAM model: what issue_role_session hands out (ASIA keys, a 40-character
// secret, a session token, the assumed-role ARN, the expiration) and when it refuses.
#include <gtest/gtest.h>

#include <cctype>

#include "core/clock/time_format.h"
#include "tests/support/edge_client.h"

namespace opsreg {
namespace {

constexpr char kRole[] = "opsworks-instance-role";  // in fixtures/worlds/default.json
constexpr char kInstance[] = "i-0123456789abcdef0";

TEST(RoleSessions, IssuedCredentialsAreAsiaKeysWithSecretTokenAndExpiration) {
  testing::TestWorld tw;
  TimePoint now = tw.world->now();
  auto s = tw.world->iam().issue_role_session(kRole, kInstance, now, std::chrono::hours(6));
  ASSERT_TRUE(s.ok()) << s.error().message;
  const std::string& id = s->credentials.access_key_id;
  ASSERT_EQ(id.size(), 20u);
  EXPECT_EQ(id.substr(0, 4), "ASIA");
  for (char c : id)
    EXPECT_TRUE(std::isupper(static_cast<unsigned char>(c)) ||
                std::isdigit(static_cast<unsigned char>(c)))
        << id;
  EXPECT_EQ(s->credentials.secret_access_key.size(), 40u);
  EXPECT_FALSE(s->credentials.session_token.empty());
  EXPECT_EQ(format_iso8601(s->expiration), "2026-01-01T06:00:00Z");
  EXPECT_EQ(s->assumed_role_arn,
            "arn:aws:sts::123456789012:assumed-role/opsworks-instance-role/i-0123456789abcdef0");
  auto role = tw.world->iam().get_role(kRole);
  ASSERT_TRUE(role.ok());
  EXPECT_EQ(s->assumed_role_id, role->role_id + ":" + kInstance);
}

TEST(RoleSessions, EachSessionHasItsOwnKeys) {
  testing::TestWorld tw;
  auto a =
      tw.world->iam().issue_role_session(kRole, kInstance, tw.world->now(), std::chrono::hours(6));
  auto b =
      tw.world->iam().issue_role_session(kRole, kInstance, tw.world->now(), std::chrono::hours(6));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->credentials.access_key_id, b->credentials.access_key_id);
  EXPECT_NE(a->credentials.secret_access_key, b->credentials.secret_access_key);
  EXPECT_NE(a->credentials.session_token, b->credentials.session_token);
}

TEST(RoleSessions, SameSeedIssuesTheSameCredentials) {
  testing::TestWorld one, two;
  auto a = one.world->iam().issue_role_session(kRole, kInstance, one.world->now(),
                                               std::chrono::hours(6));
  auto b = two.world->iam().issue_role_session(kRole, kInstance, two.world->now(),
                                               std::chrono::hours(6));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->credentials.access_key_id, b->credentials.access_key_id);
  EXPECT_EQ(a->credentials.session_token, b->credentials.session_token);
}

TEST(RoleSessions, UnknownRoleIsNoSuchEntity) {
  testing::TestWorld tw;
  auto s = tw.world->iam().issue_role_session("ghost", kInstance, tw.world->now(),
                                              std::chrono::hours(1));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "NoSuchEntity");
  EXPECT_EQ(s.error().message, "The role with name ghost cannot be found.");
  EXPECT_EQ(s.error().http_status, 404);
}

TEST(RoleSessions, OneCharacterSessionNameIsValidationError) {
  testing::TestWorld tw;
  auto s = tw.world->iam().issue_role_session(kRole, "x", tw.world->now(), std::chrono::hours(1));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "ValidationError");
  EXPECT_EQ(s.error().message,
            "1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy "
            "constraint: Member must have length greater than or equal to 2");
}

TEST(RoleSessions, SessionNameWithSpaceFailsThePattern) {
  testing::TestWorld tw;
  auto s = tw.world->iam().issue_role_session(kRole, "my session", tw.world->now(),
                                              std::chrono::hours(1));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message,
            "1 validation error detected: Value 'my session' at 'roleSessionName' failed to "
            "satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
}

TEST(RoleSessions, SessionsAreListedUnderTheirRoleInTheSnapshotWithoutSecrets) {
  testing::TestWorld tw;
  auto s =
      tw.world->iam().issue_role_session(kRole, kInstance, tw.world->now(), std::chrono::hours(6));
  ASSERT_TRUE(s.ok());
  std::string snapshot = tw.world->snapshot().dump();
  EXPECT_NE(snapshot.find(s->credentials.access_key_id), std::string::npos);
  EXPECT_EQ(snapshot.find(s->credentials.secret_access_key), std::string::npos);
  EXPECT_EQ(snapshot.find(s->credentials.session_token), std::string::npos);
}

}  // namespace
}  // namespace opsreg
