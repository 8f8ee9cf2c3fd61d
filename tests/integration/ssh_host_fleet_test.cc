// HostFleet: the default world's hosts as SSH servers, and the files it writes — an OpenSSH
// config that opsreg's own resolver follows to each port, known_hosts, 0600 key copies.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "core/ssh/ssh_config.h"
#include "mocks/ssh/host_fleet.h"
#include "mocks/world/world.h"
#include "tests/support/read_file.h"

namespace opsreg::mocks::ssh {
namespace {

class HostFleetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto w = World::from_file(World::default_world_path(), ClockMode::kVirtual);
    ASSERT_TRUE(w.ok()) << w.error().message;
    world_ = std::move(*w);
    auto f = HostFleet::start(world_->hosts(), {"/bin/true", {}});
    ASSERT_TRUE(f.ok()) << f.error().message;
    fleet_ = std::move(*f);
  }
  std::unique_ptr<World> world_;
  std::unique_ptr<HostFleet> fleet_;
};

TEST_F(HostFleetTest, ConfigLeadsNameAndBothAddressesToTheHostsPort) {
  ::opsreg::ssh::LocalContext local{"/nonexistent", "tester"};
  auto cfg = ::opsreg::ssh::SshConfig::load_file(fleet_->ssh_config_path().string(), local);
  ASSERT_TRUE(cfg.ok()) << cfg.error().message;
  const FleetHost& web = fleet_->hosts()[0];
  for (const char* target : {"onprem-web-1", "10.0.0.11", "203.0.113.11"}) {
    ::opsreg::ssh::ResolvedHost r = cfg->resolve(target);
    EXPECT_EQ(r.hostname, "127.0.0.1") << target;
    EXPECT_EQ(r.port, web.ssh->port()) << target;
    EXPECT_EQ(r.user, "ubuntu") << target;
    EXPECT_EQ(r.identity_files, std::vector<std::string>{web.identity_file}) << target;
    EXPECT_EQ(r.known_hosts_files[0], fleet_->known_hosts_path().string()) << target;
    EXPECT_EQ(r.strict, ::opsreg::ssh::StrictHostKeyChecking::kAcceptNew) << target;
  }
  EXPECT_EQ(cfg->resolve("10.0.0.12").port, fleet_->hosts()[1].ssh->port());
}

TEST_F(HostFleetTest, IdentityFileIsAMode0600CopyOfTheFixtureKey) {
  const FleetHost& web = fleet_->hosts()[0];
  struct stat st {};
  ASSERT_EQ(::stat(web.identity_file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(opsreg::testing::read_file(web.identity_file),
            opsreg::testing::read_file(std::string(OPSREG_FIXTURES_DIR) + "/ssh/user_ed25519"));
  EXPECT_EQ(fleet_->hosts()[1].identity_file, "");  // password-only host
}

TEST_F(HostFleetTest, KnownHostsHoldsEachHostsKeyAtItsPort) {
  std::string known = opsreg::testing::read_file(fleet_->known_hosts_path());
  for (const FleetHost& f : fleet_->hosts())
    EXPECT_NE(
        known.find("[127.0.0.1]:" + std::to_string(f.ssh->port()) + " " + f.ssh->host_public_key()),
        std::string::npos);
}

TEST_F(HostFleetTest, HostsRunWithTheirNamesAndOpsregBin) {
  const HostSettings& s = fleet_->hosts()[0].ssh->settings();
  EXPECT_EQ(s.hostname, "onprem-web-1");
  EXPECT_EQ(s.private_ip, "10.0.0.11");
  EXPECT_EQ(s.env.at("OPSREG_BIN"), "/bin/true");
}

TEST_F(HostFleetTest, DestructionRemovesTheFleetDirectory) {
  std::filesystem::path dir = fleet_->dir();
  ASSERT_TRUE(std::filesystem::exists(dir / "ssh_config"));
  fleet_.reset();
  EXPECT_FALSE(std::filesystem::exists(dir));
}

}  // namespace
}  // namespace opsreg::mocks::ssh
