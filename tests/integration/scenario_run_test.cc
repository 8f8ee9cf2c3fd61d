// Running scenarios in-process: a whole scenario in its own world (register over SSH, a wire
// call, the clock), a failed expectation telling what differed, and the fault step.
#include <gtest/gtest.h>

#include "scenarios/engine/runner.h"

namespace opsreg::scenarios {
namespace {

using nlohmann::json;

Scenario scenario(const json& steps, const json& changes = json::object()) {
  json j = {{"name", "t"}, {"proves", "test"}, {"steps", steps}};
  if (!changes.empty()) j["world"] = {{"changes", changes}};
  auto s = parse_scenario(j, "test.json");
  EXPECT_TRUE(s.ok()) << s.error().message;
  return *s;
}

const json kRegister = {{"register",
                         {{"stack_id", "2f18b4cb-4de5-4429-a149-ff7da9f0d8ee"},
                          {"infrastructure_class", "on-premises"},
                          {"target", "onprem-web-1"}}}};

TEST(ScenarioRun, RegisterThenAWrongStatusFailsSayingWhatDiffered) {
  auto r = run_scenario(
      scenario(
          {kRegister,
           {{"expect", {{"exit", 0}, {"iam_user", {{"name", "$register.IamUserName"}}}}}},
           {{"advance", "90d"}},
           {{"expect", {{"instance", {{"hostname", "onprem-web-1"}, {"status", "stopped"}}}}}}}),
      {OPSREG_BINARY, 1});
  EXPECT_FALSE(r.passed);
  EXPECT_EQ(r.reason,
            "step 4 (expect): expected instance onprem-web-1 status stopped, got registered");
}

TEST(ScenarioRun, EveryDifferenceOfOneExpectIsReported) {
  auto r = run_scenario(
      scenario(
          {{{"call",
             {{"service", "iam"}, {"operation", "GetUser"}, {"params", {{"UserName", "nobody"}}}}}},
           {{"expect",
             {{"exit", 0}, {"error_code", "Throttling"}, {"iam_user", {{"name", "nobody"}}}}}}}),
      {OPSREG_BINARY, 1});
  EXPECT_FALSE(r.passed);
  EXPECT_NE(r.reason.find("expected step 1 (call) to exit 0, got 1 (NoSuchEntity: "),
            std::string::npos)
      << r.reason;
  EXPECT_NE(r.reason.find("; expected step 1 (call) error code Throttling, got NoSuchEntity"),
            std::string::npos)
      << r.reason;
  EXPECT_NE(r.reason.find("; expected IAM user nobody present, got absent"), std::string::npos)
      << r.reason;
}

TEST(ScenarioRun, AnUnresolvedReferenceNamesTheStep) {
  auto r = run_scenario(scenario({{{"call",
                                    {{"service", "iam"},
                                     {"operation", "GetUser"},
                                     {"params", {{"UserName", "$register.IamUserName"}}}}}}}),
                        {OPSREG_BINARY, 1});
  EXPECT_FALSE(r.passed);
  EXPECT_EQ(r.reason, "step 1 (call): $register.IamUserName: no earlier result named 'register'");
}

TEST(ScenarioRun, AFaultStepThrottlesTheNamedOperationAndRetriesRecover) {
  json fault = {
      {"fault",
       {{"service", "iam"}, {"operation", "CreateUser"}, {"error", "Throttling"}, {"count", 2}}}};
  json seen = {{"service", "iam"}, {"operation", "CreateUser"}, {"count", 3}};
  auto r =
      run_scenario(scenario({fault, kRegister, {{"expect", {{"exit", 0}, {"requests", seen}}}}}),
                   {OPSREG_BINARY, 1});
  EXPECT_TRUE(r.passed) << r.reason;
}

TEST(ScenarioRun, AFaultWithoutAnActionIsALoadErrorNamingTheStep) {
  json j = {{"name", "t"},
            {"proves", "test"},
            {"steps", {{{"fault", {{"service", "iam"}, {"operation", "CreateUser"}}}}}}};
  auto s = parse_scenario(j, "test.json");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message,
            "test.json: step 1 (fault): faults[0]: fault rule: give exactly one of \"error\", "
            "\"latency\", \"drop_connection\", \"status\"");
}

TEST(ScenarioRun, RequestsAreCountedByOperationAndCaller) {
  json describe = {{"service", "opsworks"},
                   {"operation", "DescribeStacks"},
                   {"caller", "operator"},
                   {"count", 1}};
  json agent = {{"service", "opsworks"},
                {"operation", "RegisterInstance"},
                {"caller", "$register"},
                {"ok", true},
                {"count", 1}};
  auto r = run_scenario(
      scenario(
          {kRegister, {{"expect", {{"requests", describe}}}}, {{"expect", {{"requests", agent}}}}}),
      {OPSREG_BINARY, 1});
  EXPECT_TRUE(r.passed) << r.reason;
  // The agent signs with the machine's clock first: refused for the skew, then corrected.
  agent.erase("ok");
  agent["count"] = 3;
  r = run_scenario(scenario({kRegister, {{"expect", {{"requests", agent}}}}}), {OPSREG_BINARY, 1});
  EXPECT_NE(r.reason.find("expected 3 request(s) opsworks RegisterInstance by AKIA"),
            std::string::npos)
      << r.reason;
  EXPECT_NE(r.reason.find(", got 2"), std::string::npos) << r.reason;
}

}  // namespace
}  // namespace opsreg::scenarios
