// A world file's "host_groups": how a group expands into hosts (names, addresses taken in order
// from CIDR ranges, instance ids from the seed), and the ValidationError for each mistake.
#include <gtest/gtest.h>

#include "mocks/base/host_groups.h"
#include "mocks/world/world.h"

namespace opsreg::mocks {
namespace {

using nlohmann::json;

json node_group(int count) {
  return {{"name", "node-{n}"},
          {"count", count},
          {"private_ip", "10.100.0.0/16"},
          {"users", {{{"name", "ubuntu"}, {"authorized_keys", {"ssh/user_ed25519.pub"}}}}}};
}

json web_host() {
  return {{"name", "web-1"},
          {"private_ip", "10.0.0.11"},
          {"users", {{{"name", "ubuntu"}, {"password", "pw"}}}}};
}

Result<std::vector<WorldHost>> expand(const json& groups, const json& hosts = json::array(),
                                      std::uint64_t seed = 1) {
  auto parsed = parse_hosts(hosts, OPSREG_FIXTURES_DIR, "us-east-1");
  if (!parsed.ok()) return parsed.error();
  return expand_host_groups(groups, std::move(*parsed), OPSREG_FIXTURES_DIR, "us-east-1", seed);
}

std::string error_of(const json& groups, const json& hosts = json::array()) {
  auto r = expand(groups, hosts);
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : r.error().code + ": " + r.error().message;
}

TEST(WorldHostGroups, AGroupNumbersItsHostsFromOneAndTakesAddressesInOrder) {
  json group = node_group(300);
  group["public_ip"] = "198.51.100.0/23";
  auto r = expand(json::array({group}), json::array({web_host()}));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 301u);
  EXPECT_EQ((*r)[0].name, "web-1");  // the world's own hosts first
  EXPECT_EQ((*r)[1].name, "node-1");
  EXPECT_EQ((*r)[1].private_ip, "10.100.0.1");  // the network address is skipped
  EXPECT_EQ((*r)[1].public_ip, "198.51.100.1");
  EXPECT_EQ((*r)[255].name, "node-255");
  EXPECT_EQ((*r)[255].private_ip, "10.100.0.255");
  EXPECT_EQ((*r)[256].private_ip, "10.100.1.0");
  EXPECT_EQ((*r)[300].name, "node-300");
  EXPECT_EQ((*r)[300].public_ip, "198.51.101.44");
  EXPECT_EQ((*r)[300].infrastructure, "on-premises");
  ASSERT_EQ((*r)[300].users.size(), 1u);
  EXPECT_EQ((*r)[300].users[0].name, "ubuntu");
  ASSERT_EQ((*r)[300].users[0].authorized_key_files.size(), 1u);
  EXPECT_EQ((*r)[300].users[0].authorized_key_files[0].filename(), "user_ed25519.pub");
}

TEST(WorldHostGroups, ANameCanBeZeroPaddedAndOneHostNeedsNoNumber) {
  json padded = node_group(2);
  padded["name"] = "db{n:03}.example";
  json single = node_group(1);
  single["name"] = "bastion";
  single["private_ip"] = "192.168.7.9/32";
  auto r = expand(json::array({padded, single}));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].name, "db001.example");
  EXPECT_EQ((*r)[1].name, "db002.example");
  EXPECT_EQ((*r)[2].name, "bastion");
  EXPECT_EQ((*r)[2].private_ip, "192.168.7.9");
}

TEST(WorldHostGroups, ASlash31GivesBothAddresses) {
  json group = node_group(2);
  group["private_ip"] = "10.1.1.4/31";
  auto r = expand(json::array({group}));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)[0].private_ip, "10.1.1.4");
  EXPECT_EQ((*r)[1].private_ip, "10.1.1.5");
}

TEST(WorldHostGroups, Ec2HostsGetInstanceIdsFromTheSeedAndTheirName) {
  json group = node_group(3);
  group["infrastructure"] = "ec2";
  group["ec2"] = {{"instance_type", "m5.large"}, {"tags", {{"Role", "worker"}}}};
  auto first = expand(json::array({group}), json::array(), 7);
  auto again = expand(json::array({group}), json::array(), 7);
  auto other_seed = expand(json::array({group}), json::array(), 8);
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_TRUE(again.ok() && other_seed.ok());
  for (std::size_t i = 0; i < 3; ++i) {
    const WorldHost& h = (*first)[i];
    ASSERT_TRUE(h.ec2.has_value());
    EXPECT_EQ(h.ec2->instance_id, group_instance_id(7, h.name));
    EXPECT_EQ(h.ec2->instance_id, (*again)[i].ec2->instance_id);
    EXPECT_NE(h.ec2->instance_id, (*other_seed)[i].ec2->instance_id);
    EXPECT_EQ(h.ec2->instance_type, "m5.large");
    EXPECT_EQ(h.ec2->region, "us-east-1");
  }
  EXPECT_NE((*first)[0].ec2->instance_id, (*first)[1].ec2->instance_id);
  EXPECT_TRUE((*first)[0].ec2->instance_id.starts_with("i-0"));
  EXPECT_EQ((*first)[0].ec2->instance_id.size(), 19u);  // i- and 17 hex digits
}

TEST(WorldHostGroups, BadRangesAreRefused) {
  json group = node_group(2);
  group["private_ip"] = "10.100.0.0";
  EXPECT_EQ(error_of(json::array({group})),
            "ValidationError: world file: host_groups[0] (node-{n}): \"private_ip\" must be an "
            "IPv4 range like 10.100.0.0/16, not \"10.100.0.0\"");
  group["private_ip"] = "10.100.0.0/33";
  EXPECT_EQ(error_of(json::array({group})),
            "ValidationError: world file: host_groups[0] (node-{n}): \"private_ip\" must be an "
            "IPv4 range like 10.100.0.0/16, not \"10.100.0.0/33\"");
  group["private_ip"] = "10.100.5.0/16";
  EXPECT_EQ(error_of(json::array({group})),
            "ValidationError: world file: host_groups[0] (node-{n}): \"private_ip\" 10.100.5.0/16 "
            "has host bits set (did you mean 10.100.0.0/16?)");
  group["private_ip"] = "10.100.0.0/16";
  group["public_ip"] = "300.1.1.0/24";
  EXPECT_EQ(error_of(json::array({group})),
            "ValidationError: world file: host_groups[0] (node-{n}): \"public_ip\" must be an "
            "IPv4 range like 10.100.0.0/16, not \"300.1.1.0/24\"");
}

TEST(WorldHostGroups, ACountThatDoesNotFitItsRangeIsRefused) {
  json group = node_group(255);
  group["private_ip"] = "10.0.0.0/24";
  EXPECT_EQ(error_of(json::array({group})),
            "ValidationError: world file: host_groups[0] (node-{n}): \"count\" 255 does not fit "
            "in \"private_ip\" 10.0.0.0/24 (254 addresses)");
  group["count"] = 254;
  EXPECT_TRUE(expand(json::array({group})).ok());
  group["public_ip"] = "198.51.100.0/25";
  EXPECT_EQ(error_of(json::array({group})),
            "ValidationError: world file: host_groups[0] (node-{n}): \"count\" 254 does not fit "
            "in \"public_ip\" 198.51.100.0/25 (126 addresses)");
}

TEST(WorldHostGroups, ACountOutsideItsBoundsIsRefused) {
  for (json count : {json(0), json(kMaxGroupHosts + 1), json("10"), json(2.5), json()}) {
    json group = node_group(1);
    group["count"] = count;
    EXPECT_EQ(error_of(json::array({group})),
              "ValidationError: world file: host_groups[0] (node-{n}): \"count\" must be a whole "
              "number from 1 to 100000")
        << count.dump();
  }
}

TEST(WorldHostGroups, ManyHostsNeedANumberInTheirName) {
  json group = node_group(2);
  group["name"] = "node";
  EXPECT_EQ(error_of(json::array({group})),
            "ValidationError: world file: host_groups[0] (node): \"name\" must hold {n} to number "
            "the group's 2 hosts");
}

TEST(WorldHostGroups, BadNameTemplatesAreRefused) {
  for (const char* name : {"node-{m}", "node-{n", "node-}", "node-{n:3}", "{n}-{n:02}"}) {
    json group = node_group(2);
    group["name"] = name;
    EXPECT_TRUE(error_of(json::array({group}))
                    .starts_with("ValidationError: world file: host_groups[0] (" +
                                 std::string(name) + "): \"name\" may hold {n} or {n:0W}"))
        << name;
  }
  json group = node_group(2);
  group["name"] = "-node{n}";
  EXPECT_EQ(error_of(json::array({group})),
            "ValidationError: world file: host_groups[0] (-node{n}): \"name\" must be a hostname");
}

TEST(WorldHostGroups, ANameOrAddressUsedTwiceNamesBothHosts) {
  json group = node_group(20);
  group["private_ip"] = "10.0.0.0/24";  // node-11 would take web-1's 10.0.0.11
  EXPECT_EQ(error_of(json::array({group}), json::array({web_host()})),
            "ValidationError: world file: host_groups[0] (node-11): 10.0.0.11 is already used by "
            "hosts[0] (web-1)");
  json webs = node_group(3);
  webs["name"] = "web-{n}";
  EXPECT_EQ(error_of(json::array({webs}), json::array({web_host()})),
            "ValidationError: world file: host_groups[0] (web-1): web-1 is already used by "
            "hosts[0] (web-1)");
  json again = node_group(2);
  again["private_ip"] = "10.200.0.0/16";
  EXPECT_EQ(error_of(json::array({node_group(2), again})),
            "ValidationError: world file: host_groups[1] (node-1): node-1 is already used by "
            "host_groups[0] (node-1)");
}

TEST(WorldHostGroups, AGroupIsCheckedAsAHost) {
  json group = node_group(2);
  group["colour"] = "blue";
  EXPECT_EQ(error_of(json::array({group})),
            "ValidationError: world file: host_groups[0] (node-{n}): unknown key \"colour\"");
  group = node_group(2);
  group["users"] = json::array();
  EXPECT_EQ(error_of(json::array({group})),
            "ValidationError: world file: host_groups[0] (node-{n}): \"users\" must list a login");
  EXPECT_EQ(error_of(json::object()), "ValidationError: world file: host_groups: must be an array");
  EXPECT_EQ(error_of(json::array({"node"})),
            "ValidationError: world file: host_groups[0]: must be an object");
}

TEST(WorldHostGroups, AnEc2GroupCannotGiveOneInstancesIds) {
  for (const char* own : {"instance_id", "volumes", "elastic_ips"}) {
    json group = node_group(2);
    group["infrastructure"] = "ec2";
    group["ec2"] = {{own, own == std::string("instance_id") ? json("i-0a1b2c3d") : json::array()}};
    EXPECT_EQ(error_of(json::array({group})),
              "ValidationError: world file: host_groups[0] (node-{n}): a group's \"ec2\" cannot "
              "give \"" +
                  std::string(own) +
                  "\": each host's must be its own (instance ids are drawn from the seed and the "
                  "host's name)");
  }
}

TEST(WorldHostGroups, AWorldFileTakesHostGroups) {
  json world = {{"hosts", json::array({web_host()})},
                {"host_groups", json::array({node_group(5)})}};
  auto w = World::from_json(world, ClockMode::kVirtual);
  ASSERT_TRUE(w.ok()) << w.error().message;
  ASSERT_EQ((*w)->hosts().size(), 6u);
  EXPECT_EQ((*w)->hosts()[5].name, "node-5");
  // Faults may name a group's host like any other.
  world["faults"] = json::array({{{"host", "node-3"}, {"refuse", "connection"}}});
  EXPECT_TRUE(World::from_json(world, ClockMode::kVirtual).ok());
}

TEST(WorldHostGroups, TheFixtureWorldWithAGroupLoads) {
  auto w = World::from_file(std::string(OPSREG_FIXTURES_DIR) + "/worlds/fleet-100.json",
                            ClockMode::kVirtual);
  ASSERT_TRUE(w.ok()) << w.error().message;
  ASSERT_EQ((*w)->hosts().size(), 101u);
  EXPECT_EQ((*w)->hosts().back().name, "node-100");
  EXPECT_EQ((*w)->hosts().back().private_ip, "10.100.0.100");
}

}  // namespace
}  // namespace opsreg::mocks
