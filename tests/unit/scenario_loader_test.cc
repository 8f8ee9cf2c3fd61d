// The scenario loader: a bad scenario file is refused before anything runs, with an error that
// names the file, the step and what is wrong; the world's changes merge into the world file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "scenarios/engine/scenario.h"

namespace opsreg::scenarios {
namespace {

using nlohmann::json;

json minimal() {
  return json::parse(R"({"name": "s", "proves": "p.",
    "steps": [{"advance": "16m"}, {"expect": {"instance": {"hostname": "h", "status": "registered"}}}]})");
}

std::string error_of(const json& j) {
  auto s = parse_scenario(j, "lib/x.json");
  EXPECT_FALSE(s.ok());
  return s.ok() ? "" : s.error().message;
}

TEST(ScenarioLoader, AMinimalScenarioLoadsWithTheDefaultWorld) {
  auto s = parse_scenario(minimal(), "lib/x.json");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->name, "s");
  ASSERT_EQ(s->steps.size(), 2u);
  EXPECT_EQ(s->steps[0].kind, "advance");
  EXPECT_EQ(s->steps[1].index, 2u);
  EXPECT_EQ(s->world["stacks"][0]["name"], "MyStack");
  EXPECT_EQ(s->world["settings"]["agent_key_pool"], 8);
}

TEST(ScenarioLoader, MissingNameOrProvesNamesTheFile) {
  json j = minimal();
  j.erase("proves");
  EXPECT_EQ(error_of(j),
            "lib/x.json: \"proves\" (one sentence, and the doc that says so) is required");
  j = minimal();
  j.erase("name");
  EXPECT_EQ(error_of(j), "lib/x.json: \"name\" (a string) is required");
}

TEST(ScenarioLoader, UnknownTopLevelKeyIsRefused) {
  json j = minimal();
  j["stepz"] = json::array();
  EXPECT_EQ(error_of(j), "lib/x.json: unknown key 'stepz' (known: name, proves, world, steps)");
}

TEST(ScenarioLoader, ABadDurationNamesTheStepIndexAndKind) {
  json j = minimal();
  j["steps"][0] = {{"advance", "16 minutes"}};
  EXPECT_EQ(error_of(j),
            "lib/x.json: step 1 (advance): advance needs a duration such as \"16m\", \"90d\", "
            "got \"16 minutes\"");
}

TEST(ScenarioLoader, AStepWithoutAKindOrWithTwoIsRefused) {
  json j = minimal();
  j["steps"][1] = {{"wait", "1m"}};
  EXPECT_EQ(
      error_of(j),
      "lib/x.json: step 2: unknown key 'wait' (a step is one of register, register_fleet, call, "
      "advance, host, expect, fault, exec)");
  j["steps"][1] = {{"advance", "1m"}, {"expect", {{"exit", 0}}}};
  EXPECT_EQ(error_of(j), "lib/x.json: step 2: both 'advance' and 'expect' (one kind per step)");
}

TEST(ScenarioLoader, UnknownRegisterFlagIsRefusedAtLoad) {
  json j = minimal();
  j["steps"][0] = {
      {"register", {{"stack_id", "s"}, {"infrastructure_class", "ec2"}, {"no_such_flag", true}}}};
  std::string e = error_of(j);
  EXPECT_TRUE(
      e.starts_with("lib/x.json: step 1 (register): unknown member \"no_such_flag\" "
                    "(known: "))
      << e;
}

TEST(ScenarioLoader, UnknownExpectationAndBadCallAreRefused) {
  json j = minimal();
  j["steps"][1] = {{"expect", {{"status", "registered"}}}};
  EXPECT_EQ(error_of(j),
            "lib/x.json: step 2 (expect): unknown expectation 'status' (known: exit, error_code, "
            "message, stdout_contains, stderr_contains, instance, iam_user, file, requests, "
            "result)");
  j["steps"][1] = {{"call", {{"service", "lambda"}, {"operation", "Invoke"}}}};
  EXPECT_EQ(error_of(j),
            "lib/x.json: step 2 (call): service must be one of iam, opsworks, ec2, sts, s3");
}

TEST(ScenarioLoader, HostStepNeedsExactlyOneAction) {
  json j = minimal();
  j["steps"][0] = {{"host", {{"name", "onprem-web-1"}}}};
  EXPECT_EQ(error_of(j),
            "lib/x.json: step 1 (host): host needs exactly one of write_file, mount, agent_config, "
            "host_key_changed");
}

TEST(ScenarioLoader, HostPathsThatLeaveTheHostsTreeAreRefused) {
  json j = minimal();
  j["steps"][0] = {{"host",
                    {{"name", "onprem-web-1"},
                     {"write_file", {{"path", "../../../../tmp/x"}, {"content", "x"}}}}}};
  EXPECT_EQ(error_of(j),
            "lib/x.json: step 1 (host): write_file path '../../../../tmp/x' goes up out of its "
            "folder (\"..\")");
  j["steps"][0] = {
      {"host",
       {{"name", "h"}, {"mount", {{"device", "/dev/x"}, {"mount_point", "/srv/../../x"}}}}}};
  EXPECT_EQ(error_of(j),
            "lib/x.json: step 1 (host): mount mount_point '/srv/../../x' goes up out of its "
            "folder (\"..\")");
  j["steps"][0] = {{"expect", {{"file", {{"host", "h"}, {"path", "../etc/shadow"}}}}}};
  EXPECT_EQ(error_of(j),
            "lib/x.json: step 1 (expect): file path '../etc/shadow' goes up out of its folder "
            "(\"..\")");
}

TEST(ScenarioLoader, UnreadableFileAndInvalidJsonNameTheFile) {
  auto missing = load_scenario("/nonexistent/s.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "cannot read /nonexistent/s.json");
  std::filesystem::path p = std::filesystem::path(::testing::TempDir()) /
                            ("scenario_bad_" + std::to_string(::getpid()) + ".json");
  std::ofstream(p) << "{\n  \"name\": \"x\",\n  \"steps\": [}\n";
  auto bad = load_scenario(p);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, p.string() +
                                     ":3:13: invalid JSON: syntax error while parsing value - "
                                     "unexpected '}'; expected '[', '{', or a literal");
  std::filesystem::remove(p);
}

TEST(ScenarioLoader, RegisterFlagsBecomeTheCliArguments) {
  auto argv = register_argv(json::parse(
      R"({"stack_id": "S", "infrastructure_class": "ec2", "use_instance_profile": true,
          "local": false, "target": "web"})"));
  ASSERT_TRUE(argv.ok());
  // nlohmann::json orders members by name; the target always comes last.
  EXPECT_EQ(*argv, (std::vector<std::string>{"--infrastructure-class", "ec2", "--stack-id", "S",
                                             "--use-instance-profile", "web"}));
}

TEST(ScenarioLoader, WorldChangesMergeArraysByTheirIds) {
  json world = json::parse(R"({"hosts": [{"name": "a", "ec2": {"tags": {"Name": "x"},
      "volumes": [{"volume_id": "v1", "mount_point": "/srv"}]}}, {"name": "b"}],
      "settings": {"agent_contact_interval": "1m"}})");
  merge_world(world, json::parse(R"({"hosts": [{"name": "a", "ec2": {
      "volumes": [{"volume_id": "v1", "mount_point": "/var/www"}]}}, {"name": "c"}],
      "settings": {"agent_missed_contacts": 5}})"));
  EXPECT_EQ(world["hosts"].size(), 3u);
  EXPECT_EQ(world["hosts"][0]["ec2"]["tags"]["Name"], "x");
  EXPECT_EQ(world["hosts"][0]["ec2"]["volumes"][0]["mount_point"], "/var/www");
  EXPECT_EQ(world["hosts"][2]["name"], "c");
  EXPECT_EQ(world["settings"]["agent_contact_interval"], "1m");
  EXPECT_EQ(world["settings"]["agent_missed_contacts"], 5);
  merge_world(world, json::parse(R"({"settings": null})"));
  EXPECT_FALSE(world.contains("settings"));
}

}  // namespace
}  // namespace opsreg::scenarios
