// HostFleet's EC2 hosts: each gets its own metadata service (exported to its commands as
// AWS_EC2_METADATA_SERVICE_ENDPOINT), a <root>/proc/mounts of its mounted volumes, and an
// entry in the ssh config like any host.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <sstream>

#include "core/ssh/ssh_config.h"
#include "mocks/ssh/host_fleet.h"
#include "mocks/world/world.h"
#include "tests/support/read_file.h"

namespace opsreg::mocks::ssh {
namespace {

class HostFleetEc2Test : public ::testing::Test {
 protected:
  void SetUp() override {
    auto w = World::from_file(World::default_world_path(), ClockMode::kVirtual);
    ASSERT_TRUE(w.ok()) << w.error().message;
    world_ = std::move(*w);
    FleetOptions options{"/bin/true", {}};
    options.now = [this] { return world_->now(); };
    options.account_id = world_->account_id();
    options.role_credentials = [](const WorldHost& h,
                                  TimePoint now) -> Result<imds::RoleCredentials> {
      return imds::RoleCredentials{"ASIAFLEETTEST0000001", "secret", "token/" + h.ec2->instance_id,
                                   now + imds::kRoleSessionDuration};
    };
    auto f = HostFleet::start(world_->hosts(), options);
    ASSERT_TRUE(f.ok()) << f.error().message;
    fleet_ = std::move(*f);
  }
  const FleetHost& host(const std::string& name) const {
    for (const FleetHost& f : fleet_->hosts())
      if (f.host.name == name) return f;
    throw std::runtime_error("no host " + name);
  }
  // GET `path` from the host's IMDS with a fresh IMDSv2 token.
  std::string imds_get(const FleetHost& f, const std::string& path) {
    httplib::Client c(f.metadata_url);
    auto token = c.Put("/latest/api/token", {{"X-aws-ec2-metadata-token-ttl-seconds", "60"}}, "",
                       "text/plain");
    if (!token || token->status != 200) return "";
    auto r = c.Get(path, {{"X-aws-ec2-metadata-token", token->body}});
    return r && r->status == 200 ? r->body : "";
  }
  std::unique_ptr<World> world_;
  std::unique_ptr<HostFleet> fleet_;
};

TEST_F(HostFleetEc2Test, Ec2HostsGetTheirOwnMetadataServiceAndOnPremisesHostsNone) {
  const FleetHost& web = host("ec2-web-1");
  ASSERT_TRUE(web.imds);
  EXPECT_EQ(web.metadata_url, web.imds->url());
  EXPECT_EQ(web.ssh->settings().env.at("AWS_EC2_METADATA_SERVICE_ENDPOINT"), web.metadata_url);
  EXPECT_EQ(imds_get(web, "/latest/meta-data/instance-id"), "i-0a1b2c3d4e5f60021");
  EXPECT_EQ(imds_get(host("ec2-www-1"), "/latest/meta-data/instance-id"), "i-0a1b2c3d4e5f60023");
  const FleetHost& onprem = host("onprem-web-1");
  EXPECT_FALSE(onprem.imds);
  EXPECT_EQ(onprem.metadata_url, "");
  EXPECT_FALSE(onprem.ssh->settings().env.contains("AWS_EC2_METADATA_SERVICE_ENDPOINT"));
}

TEST_F(HostFleetEc2Test, RoleCredentialsComeFromTheFleetOptionsForTheHost) {
  std::string creds = imds_get(host("ec2-vpc-1"),
                               "/latest/meta-data/iam/security-credentials/opsworks-instance-role");
  EXPECT_NE(creds.find("\"Token\" : \"token/i-0a1b2c3d4e5f60022\""), std::string::npos) << creds;
}

TEST_F(HostFleetEc2Test, ProcMountsListsTheMountedVolumesOnly) {
  EXPECT_EQ(opsreg::testing::read_file(host("ec2-www-1").ssh->root() / "proc/mounts"),
            "/dev/xvdg /var/www ext4 rw,relatime 0 0\n");
  EXPECT_EQ(opsreg::testing::read_file(host("ec2-web-1").ssh->root() / "proc/mounts"),
            "/dev/xvdf /srv/data ext4 rw,relatime 0 0\n");
  EXPECT_EQ(opsreg::testing::read_file(host("ec2-twin-1").ssh->root() / "proc/mounts"), "");
  EXPECT_FALSE(std::filesystem::exists(host("onprem-web-1").ssh->root() / "proc/mounts"));
}

TEST_F(HostFleetEc2Test, SshConfigLeadsEc2HostNamesAndAddressesToTheirPorts) {
  ::opsreg::ssh::LocalContext local{"/nonexistent", "tester"};
  auto cfg = ::opsreg::ssh::SshConfig::load_file(fleet_->ssh_config_path().string(), local);
  ASSERT_TRUE(cfg.ok()) << cfg.error().message;
  const FleetHost& web = host("ec2-web-1");
  for (const char* address : {"ec2-web-1", "10.0.1.21", "54.210.0.21"})
    EXPECT_EQ(cfg->resolve(address).port, web.ssh->port()) << address;
  EXPECT_EQ(cfg->resolve("10.0.2.22").user, "ec2-user");
}

}  // namespace
}  // namespace opsreg::mocks::ssh
