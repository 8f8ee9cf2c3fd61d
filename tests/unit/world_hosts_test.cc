// A world file's "hosts": what parse_hosts accepts, and the ValidationError naming the entry and
// field for each mistake.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "mocks/base/hosts.h"
#include "mocks/world/world.h"

namespace opsreg::mocks {
namespace {

using nlohmann::json;

json web_host() {
  return {{"name", "onprem-web-1"},
          {"private_ip", "10.0.0.11"},
          {"public_ip", "203.0.113.11"},
          {"users", {{{"name", "ubuntu"}, {"authorized_keys", {"ssh/user_ed25519.pub"}}}}}};
}

std::string error_of(const json& hosts) {
  auto r = parse_hosts(hosts, OPSREG_FIXTURES_DIR);
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : r.error().code + ": " + r.error().message;
}

TEST(WorldHosts, KeyFilesAreReadRelativeToFixtures) {
  auto r = parse_hosts(json::array({web_host()}), OPSREG_FIXTURES_DIR);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  const WorldHost& h = (*r)[0];
  EXPECT_EQ(h.infrastructure, "on-premises");
  ASSERT_EQ(h.users[0].authorized_keys.size(), 1u);
  EXPECT_TRUE(h.users[0].authorized_keys[0].starts_with("ssh-ed25519 AAAA"));
  EXPECT_EQ(h.users[0].authorized_key_files[0],
            std::filesystem::path(OPSREG_FIXTURES_DIR) / "ssh/user_ed25519.pub");
}

TEST(WorldHosts, AKeyFileOutsideTheFixturesIsRefused) {
  json host = web_host();
  host["users"][0]["authorized_keys"] = {"../../../../etc/passwd"};
  EXPECT_EQ(error_of(json::array({host})),
            "ValidationError: world file: hosts[0] (onprem-web-1) users[0]: authorized key file "
            "'../../../../etc/passwd' goes up out of its folder (\"..\")");
}

TEST(WorldHosts, AbsentSectionIsNoHosts) {
  auto r = parse_hosts(json(), OPSREG_FIXTURES_DIR);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
}

TEST(WorldHosts, AWorldFileThatIsNotJsonIsLocatedByLineAndColumn) {
  std::filesystem::path p = std::filesystem::path(::testing::TempDir()) /
                            ("world_bad_" + std::to_string(::getpid()) + ".json");
  std::ofstream(p) << "{\n  \"region\": \"us-east-1\",\n  \"stacks\": [,]\n}\n";
  auto w = World::from_file(p.string(), ClockMode::kVirtual);
  std::filesystem::remove(p);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().code, "ValidationError");
  EXPECT_TRUE(w.error().message.starts_with("world file: " + p.string() + ":3:14: invalid JSON: "))
      << w.error().message;
}

TEST(WorldHosts, DefaultWorldHasAKeyHostAPasswordHostAndFiveEc2Hosts) {
  auto w = World::from_file(World::default_world_path(), ClockMode::kVirtual);
  ASSERT_TRUE(w.ok()) << w.error().message;
  ASSERT_EQ((*w)->hosts().size(), 7u);
  EXPECT_EQ((*w)->hosts()[0].name, "onprem-web-1");
  EXPECT_EQ((*w)->hosts()[1].name, "onprem-db-1");
  EXPECT_TRUE((*w)->hosts()[1].users[0].password.has_value());
  std::vector<std::string> ec2;
  for (const auto& h : (*w)->hosts())
    if (h.ec2) ec2.push_back(h.name);
  EXPECT_EQ(ec2, (std::vector<std::string>{"ec2-web-1", "ec2-vpc-1", "ec2-www-1", "ec2-twin-1",
                                           "ec2-twin-2"}));
}

TEST(WorldHosts, DuplicateAddressIsRefused) {
  json other = web_host();
  other["name"] = "onprem-web-2";
  other["public_ip"] = "203.0.113.12";
  EXPECT_EQ(error_of(json::array({web_host(), other})),
            "ValidationError: world file: hosts[1] (onprem-web-2): 10.0.0.11 is already used by "
            "hosts[0] (onprem-web-1)");
}

TEST(WorldHosts, BadPrivateIpIsRefused) {
  json h = web_host();
  h["private_ip"] = "10.0.0";
  EXPECT_EQ(error_of(json::array({h})),
            "ValidationError: world file: hosts[0] (onprem-web-1): \"private_ip\" must be an IPv4 "
            "address");
}

TEST(WorldHosts, UnknownKeyIsRefused) {
  json h = web_host();
  h["private_ipp"] = "10.0.0.1";
  EXPECT_EQ(error_of(json::array({h})),
            "ValidationError: world file: hosts[0] (onprem-web-1): unknown key \"private_ipp\"");
}

TEST(WorldHosts, InfrastructureIsOnPremisesOrEc2) {
  json h = web_host();
  h["infrastructure"] = "azure";
  EXPECT_EQ(error_of(json::array({h})),
            "ValidationError: world file: hosts[0] (onprem-web-1): \"infrastructure\" must be "
            "\"on-premises\" or \"ec2\"");
}

TEST(WorldHosts, MissingKeyFileIsRefused) {
  json h = web_host();
  h["users"][0]["authorized_keys"] = {"ssh/no_such_key.pub"};
  EXPECT_NE(error_of(json::array({h})).find("no_such_key.pub cannot be read"), std::string::npos);
}

TEST(WorldHosts, UserWithoutKeysOrPasswordIsRefused) {
  json h = web_host();
  h["users"] = {{{"name", "nobody"}}};
  EXPECT_EQ(error_of(json::array({h})),
            "ValidationError: world file: hosts[0] (onprem-web-1) users[0]: user nobody has "
            "neither authorized_keys nor a password");
}

TEST(WorldHosts, WorldFileWithBadHostsDoesNotLoad) {
  json world = {{"hosts", {{{"name", "x"}}}}};
  auto w = World::from_json(world, ClockMode::kVirtual);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().message, "world file: hosts[0] (x): \"private_ip\" must be an IPv4 address");
}

}  // namespace
}  // namespace opsreg::mocks
