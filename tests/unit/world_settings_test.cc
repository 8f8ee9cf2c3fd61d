// The world file's "settings": agent_key_pool makes a pool file of pre-generated keys and
// offers it to the agent as the provisioning parameter opsreg_agent_key_pool; off by default.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/agent/rsa_key.h"
#include "mocks/world/agent_key_pool.h"
#include "tests/support/edge_client.h"

namespace opsreg::testing {
namespace {

constexpr char kStackId[] = "2f18b4cb-4de5-4429-a149-ff7da9f0d8ee";

nlohmann::json default_world_with(const nlohmann::json& settings) {
  std::ifstream in(mocks::World::default_world_path());
  nlohmann::json w = nlohmann::json::parse(in);
  w["settings"] = settings;
  return w;
}

nlohmann::json provisioning_parameters(TestWorld& tw) {
  EdgeClient client(*tw.edge, tw.world->operator_credentials());
  http::Response r = client.json("DescribeStackProvisioningParameters", {{"StackId", kStackId}});
  EXPECT_EQ(r.status, 200) << r.body;
  return nlohmann::json::parse(r.body)["Parameters"];
}

TEST(WorldSettings, KeyPoolIsOffByDefaultAndNoParameterIsOffered) {
  TestWorld tw;
  EXPECT_EQ(tw.world->settings().agent_key_pool, 0);
  EXPECT_EQ(tw.world->settings().agent_key_pool_file, "");
  EXPECT_FALSE(provisioning_parameters(tw).contains("opsreg_agent_key_pool"));

  TestWorld zero(default_world_with({{"agent_key_pool", 0}}));
  EXPECT_FALSE(provisioning_parameters(zero).contains("opsreg_agent_key_pool"));
}

TEST(WorldSettings, KeyPoolOnOffersAnAbsolutePoolFileOfNKeysFromTheFixture) {
  TestWorld tw(default_world_with({{"agent_key_pool", 3}}));
  const std::string path = tw.world->settings().agent_key_pool_file;
  ASSERT_FALSE(path.empty());
  EXPECT_TRUE(std::filesystem::path(path).is_absolute());
  EXPECT_EQ(provisioning_parameters(tw)["opsreg_agent_key_pool"], path);
  auto keys = agent::read_key_pool(path);
  ASSERT_TRUE(keys.ok()) << keys.error().message;
  ASSERT_EQ(keys->size(), 3u);
  auto fixture = agent::read_key_pool(mocks::agent_key_pool_fixture());
  ASSERT_TRUE(fixture.ok());
  EXPECT_EQ((*keys)[0], (*fixture)[0]);
  EXPECT_EQ((*keys)[2], (*fixture)[2]);
  EXPECT_EQ(std::filesystem::status(path).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

TEST(WorldSettings, TheCommittedFixturePoolHoldsEightRsaKeys) {
  auto keys = agent::read_key_pool(mocks::agent_key_pool_fixture());
  ASSERT_TRUE(keys.ok()) << keys.error().message;
  ASSERT_EQ(keys->size(), 8u);
  for (const auto& k : *keys) EXPECT_TRUE(agent::rsa_key_from_pem(k).ok());
}

TEST(WorldSettings, WorldsAskingForTheSamePoolShareOneCachedFile) {
  TestWorld a(default_world_with({{"agent_key_pool", 2}}));
  TestWorld b(default_world_with({{"agent_key_pool", 2}}));
  TestWorld c(default_world_with({{"agent_key_pool", 5}}));
  EXPECT_EQ(a.world->settings().agent_key_pool_file, b.world->settings().agent_key_pool_file);
  EXPECT_NE(a.world->settings().agent_key_pool_file, c.world->settings().agent_key_pool_file);
  EXPECT_EQ(agent::read_key_pool(c.world->settings().agent_key_pool_file)->size(), 5u);
}

TEST(WorldSettings, PoolsLargerThanTheFixtureGetGeneratedKeys) {
  const std::string dir = ::testing::TempDir();
  const std::string fixture = dir + "/world_settings_one_key.pem";
  ASSERT_TRUE(agent::write_key_pool(fixture, 1).ok());
  auto path = mocks::agent_key_pool_file(2, fixture);
  ASSERT_TRUE(path.ok()) << path.error().message;
  auto keys = agent::read_key_pool(*path);
  ASSERT_EQ(keys->size(), 2u);
  EXPECT_EQ((*keys)[0], (*agent::read_key_pool(fixture))[0]);
  EXPECT_NE((*keys)[1], (*keys)[0]);
  // Asked again, the cached file is used as it is.
  auto again = mocks::agent_key_pool_file(2, fixture);
  EXPECT_EQ(*again, *path);
  EXPECT_EQ(*agent::read_key_pool(*again), *keys);
  std::filesystem::remove(*path);
}

TEST(WorldSettings, SshLoginLimitsAreSshdsUnlessGiven) {
  auto defaults = mocks::parse_world_settings(nullptr);
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->ssh_login_grace_time, std::chrono::seconds(120));
  EXPECT_EQ(defaults->ssh_max_startups, 100);
  auto set =
      mocks::parse_world_settings({{"ssh_login_grace_time", "1500ms"}, {"ssh_max_startups", 10}});
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_EQ(set->ssh_login_grace_time, std::chrono::milliseconds(1500));
  EXPECT_EQ(set->ssh_max_startups, 10);
  auto off = mocks::parse_world_settings({{"ssh_login_grace_time", "0s"}});
  ASSERT_TRUE(off.ok());
  EXPECT_EQ(off->ssh_login_grace_time, std::chrono::milliseconds(0));
}

TEST(WorldSettings, BadSettingsAreRefusedNamingTheKey) {
  for (const auto& [settings, message] : std::vector<std::pair<nlohmann::json, std::string>>{
           {{{"agent_key_pool", -1}}, "agent_key_pool must be an integer from 0 (off) to 64"},
           {{{"agent_key_pool", 65}}, "agent_key_pool must be an integer from 0 (off) to 64"},
           {{{"agent_key_pool", "8"}}, "agent_key_pool must be an integer from 0 (off) to 64"},
           {{{"sandbox_hosts", "yes"}}, "sandbox_hosts must be true or false"},
           {{{"ssh_login_grace_time", "2h"}},
            "ssh_login_grace_time must be a duration from \"0s\" (no limit) to \"1h\", e.g. "
            "\"120s\""},
           {{{"ssh_login_grace_time", 120}},
            "ssh_login_grace_time must be a duration from \"0s\" (no limit) to \"1h\", e.g. "
            "\"120s\""},
           {{{"ssh_max_startups", 0}}, "ssh_max_startups must be an integer from 1 to 10000"},
           {{{"ssh_max_startups", "10"}}, "ssh_max_startups must be an integer from 1 to 10000"},
           {{{"colour", "red"}}, "unknown key colour"},
           {nlohmann::json::array(), "must be an object"}}) {
    auto w = mocks::World::from_json(default_world_with(settings), mocks::ClockMode::kVirtual);
    ASSERT_FALSE(w.ok()) << settings.dump();
    EXPECT_EQ(w.error().code, "ValidationError");
    EXPECT_EQ(w.error().message, "world file: settings: " + message);
  }
}

}  // namespace
}  // namespace opsreg::testing
