// The register_fleet step as the loader checks it (hosts, concurrency, no target), and the Host
// names an OpenSSH config lists (what register-fleet's patterns are matched against).
#include <gtest/gtest.h>

#include "core/ssh/ssh_config.h"
#include "scenarios/engine/scenario.h"

namespace opsreg::scenarios {
namespace {

using nlohmann::json;

std::string error_of(const json& fleet) {
  json j = {{"name", "s"}, {"proves", "p."}, {"steps", json::array({{{"register_fleet", fleet}}})}};
  auto s = parse_scenario(j, "lib/x.json");
  return s.ok() ? "" : s.error().message;
}

json fleet(json hosts) {
  return {{"hosts", std::move(hosts)},
          {"stack_id", "2f18b4cb-4de5-4429-a149-ff7da9f0d8ee"},
          {"infrastructure_class", "on-premises"}};
}

TEST(FleetStep, HostsMayBeANamePatternListOrKind) {
  EXPECT_EQ(error_of(fleet("node-*")), "");
  EXPECT_EQ(error_of(fleet({"a", "b-*"})), "");
  EXPECT_EQ(error_of(fleet({{"infrastructure", "ec2"}})), "");
  for (const json& bad : {json(3), json::array(), json({1, 2}), json({{"infrastructure", "x"}}),
                          json({{"kind", "ec2"}})})
    EXPECT_NE(error_of(fleet(bad)).find("hosts must be a name or pattern"), std::string::npos)
        << bad.dump();
  json none = fleet("x");
  none.erase("hosts");
  EXPECT_NE(error_of(none).find("register_fleet needs \"hosts\""), std::string::npos);
}

TEST(FleetStep, ConcurrencyIsBoundedAndTargetIsRefused) {
  json f = fleet("node-*");
  for (const json& bad : {json(0), json(65), json("4"), json(1.5)}) {
    f["concurrency"] = bad;
    EXPECT_NE(error_of(f).find("concurrency must be an integer from 1 to 64"), std::string::npos)
        << bad.dump();
  }
  f["concurrency"] = 64;
  EXPECT_EQ(error_of(f), "");
  f["target"] = "node-1";
  EXPECT_NE(error_of(f).find("target is not for register_fleet"), std::string::npos);
}

TEST(FleetStep, RegisterFlagsAreCheckedAsTheRegisterStepChecksThem) {
  json f = fleet("node-*");
  f["stack_idd"] = "x";
  EXPECT_NE(error_of(f).find("unknown member \"stack_idd\""), std::string::npos) << error_of(f);
  json g = fleet("node-*");
  g.erase("infrastructure_class");
  EXPECT_NE(error_of(g).find("--infrastructure-class"), std::string::npos) << error_of(g);
}

TEST(FleetStep, AConfigListsItsLiteralHostNamesOnceInOrder) {
  auto config = ssh::SshConfig::parse(
      "Host node-2 node-1\n  Port 2201\nHost *\n  User x\nHost !bad node-1 web-?\nHost node-3\n",
      "test", "/tmp", ssh::LocalContext{"/home/u", "u"});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->host_names(), (std::vector<std::string>{"node-2", "node-1", "node-3"}));
}

}  // namespace
}  // namespace opsreg::scenarios
