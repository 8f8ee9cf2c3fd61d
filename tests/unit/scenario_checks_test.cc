// What a step names is checked when the scenario loads, with the likely fix: a register step's
// members (the CLI's flags in JSON terms), a call's or a fault's operation (those the service's
// fake implements), an expected instance status (OpsWorks' statuses, from the API model).
#include "scenarios/engine/scenario_checks.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>

#include "core/register/arguments.h"
#include "mocks/edge/edge.h"
#include "mocks/opsworks/instance_status.h"
#include "scenarios/engine/scenario.h"

namespace opsreg::scenarios {
namespace {

using nlohmann::json;

std::string step_error(const json& step) {
  json j = {{"name", "s"}, {"proves", "p."}, {"steps", json::array({step})}};
  auto s = parse_scenario(j, "lib/x.json");
  EXPECT_FALSE(s.ok()) << step.dump();
  return s.ok() ? "" : s.error().message;
}

bool loads(const json& step) {
  json j = {{"name", "s"}, {"proves", "p."}, {"steps", json::array({step})}};
  auto s = parse_scenario(j, "lib/x.json");
  EXPECT_TRUE(s.ok()) << s.error().message;
  return s.ok();
}

TEST(ScenarioChecks, ARegisterMemberThatIsNoFlagIsNamedInJsonTerms) {
  std::string e = step_error(
      {{"register", {{"stack_id", "S"}, {"infrastructure_class", "ec2"}, {"host", "web-1"}}}});
  EXPECT_TRUE(e.starts_with("lib/x.json: step 1 (register): unknown member \"host\" (known: "))
      << e;
  EXPECT_EQ(e.find("--"), std::string::npos) << e;  // no CLI flags in a JSON file's error
  for (const char* member : {"stack_id", "target", "on_host", "ssh_password", "override_ssh"})
    EXPECT_NE(e.find(member), std::string::npos) << member;
  e = step_error({{"register", {{"stack_idd", "S"}, {"infrastructure_class", "ec2"}}}});
  EXPECT_TRUE(e.starts_with(
      "lib/x.json: step 1 (register): unknown member \"stack_idd\" (did you mean 'stack_id'?)"))
      << e;
}

TEST(ScenarioChecks, RegisterMembersAreTheCliFlagsAndTheScenariosOwn) {
  std::set<std::string> members;
  for (const auto& m : register_members()) members.insert(m);
  for (std::string flag : registration::flag_names()) {
    if (flag == "--mock") continue;
    flag = flag.substr(2);
    std::replace(flag.begin(), flag.end(), '-', '_');
    EXPECT_TRUE(members.count(flag)) << flag;
  }
  EXPECT_FALSE(members.count("mock"));
}

TEST(ScenarioChecks, ACallToAnOperationTheFakeLacksSuggestsTheNearest) {
  EXPECT_EQ(step_error({{"call", {{"service", "opsworks"}, {"operation", "DescribeInstance"}}}}),
            "lib/x.json: step 1 (call): opsworks has no operation DescribeInstance in opsreg's "
            "fakes (did you mean 'DescribeInstances'?)");
  EXPECT_EQ(step_error({{"call", {{"service", "iam"}, {"operation", "createuser"}}}}),
            "lib/x.json: step 1 (call): iam has no operation createuser in opsreg's fakes (did "
            "you mean 'CreateUser'?)");
  std::string e = step_error({{"call", {{"service", "sts"}, {"operation", "Frobnicate"}}}});
  EXPECT_TRUE(
      e.starts_with("lib/x.json: step 1 (call): sts has no operation Frobnicate in "
                    "opsreg's fakes (known: "))
      << e;
  EXPECT_NE(e.find("GetCallerIdentity"), std::string::npos) << e;
  EXPECT_TRUE(loads({{"call", {{"service", "ec2"}, {"operation", "DescribeInstances"}}}}));
  // S3 is checked against the S3 client, with a hint too.
  e = step_error({{"call", {{"service", "s3"}, {"operation", "GetObjekt"}}}});
  EXPECT_NE(e.find("(did you mean 'GetObject'?)"), std::string::npos) << e;
}

TEST(ScenarioChecks, TheFakesListTheirOperations) {
  for (const char* service : {"iam", "sts", "s3", "opsworks", "ec2"})
    EXPECT_FALSE(mocks::operation_names(service).empty()) << service;
  const auto& iam = mocks::operation_names("iam");
  EXPECT_TRUE(std::is_sorted(iam.begin(), iam.end()));
  EXPECT_NE(std::find(iam.begin(), iam.end(), "CreateAccessKey"), iam.end());
  EXPECT_TRUE(mocks::operation_names("lambda").empty());
}

TEST(ScenarioChecks, AnExpectedInstanceStatusMustBeAnOpsWorksStatus) {
  std::string e =
      step_error({{"expect", {{"instance", {{"hostname", "h"}, {"status", "registred"}}}}}});
  EXPECT_TRUE(
      e.starts_with("lib/x.json: step 1 (expect): instance status \"registred\" is not "
                    "an OpsWorks instance status (did you mean 'registered'?) (one of "
                    "booting, connection_lost, online,"))
      << e;
  e = step_error({{"expect", {{"instance", {{"hostname", "h"}, {"status", 3}}}}}});
  EXPECT_TRUE(e.starts_with("lib/x.json: step 1 (expect): instance status \"3\" is not")) << e;
  EXPECT_TRUE(loads({{"expect", {{"instance", {{"hostname", "h"}, {"status", "setup_failed"}}}}}}));
}

// The statuses are the model's: the fifteen its documentation of Instance.Status lists, and
// "registered" (its InstanceRegistered waiter's).
TEST(ScenarioChecks, InstanceStatusesAreTheModelsDocumentedOnes) {
  std::ifstream in(std::string(OPSREG_FIXTURES_DIR) +
                   "/aws-models/opsworks/2013-02-18/service-2.json");
  ASSERT_TRUE(in);
  json model = json::parse(in);
  std::string doc = model["shapes"]["Instance"]["members"]["Status"]["documentation"];
  std::set<std::string> documented;
  std::regex code("<code>([a-z_]+)</code>");
  for (std::sregex_iterator it(doc.begin(), doc.end(), code), end; it != end; ++it)
    documented.insert((*it)[1]);
  ASSERT_EQ(documented.size(), 15u);
  std::set<std::string> ours(mocks::opsworks::instance_statuses().begin(),
                             mocks::opsworks::instance_statuses().end());
  documented.insert("registered");
  EXPECT_EQ(ours, documented);
}

TEST(ScenarioChecks, ARequestsCountOfAnOperationTheFakeLacksIsRefused) {
  EXPECT_EQ(
      step_error({{"expect",
                   {{"requests", {{"service", "opsworks"}, {"operation", "RegisterInstances"}}}}}}),
      "lib/x.json: step 1 (expect): requests: opsworks has no operation RegisterInstances "
      "in opsreg's fakes (did you mean 'RegisterInstance'?)");
  EXPECT_TRUE(loads(
      {{"expect", {{"requests", {{"service", "opsworks"}, {"operation", "RegisterInstance"}}}}}}));
}

TEST(ScenarioChecks, AFaultOnAnOperationTheFakeLacksIsRefused) {
  EXPECT_EQ(
      step_error(
          {{"fault", {{"service", "iam"}, {"operation", "CreatUser"}, {"error", "Throttling"}}}}),
      "lib/x.json: step 1 (fault): fault rule: iam has no operation CreatUser in opsreg's "
      "fakes (did you mean 'CreateUser'?)");
  EXPECT_TRUE(loads(
      {{"fault", json::array({{{"service", "iam"}, {"operation", "*"}, {"error", "Throttling"}},
                              {{"host", "onprem-web-1"}, {"refuse", "connection"}}})}}));
}

}  // namespace
}  // namespace opsreg::scenarios
