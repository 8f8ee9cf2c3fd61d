// The runner's reports: the table ends in exactly "N passed, N failed", the JSON report parses
// with each scenario's result, and the JUnit XML is well-formed with failures and errors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "scenarios/engine/report.h"

namespace opsreg::scenarios {
namespace {

std::vector<ScenarioResult> sample() {
  ScenarioResult ok{"lib/a.json", "a", "proves a", true, false, 0.25, ""};
  ScenarioResult failed{"lib/b.json",
                        "b",
                        "proves <b> & \"c\"",
                        false,
                        false,
                        1.5,
                        "step 3 (expect): expected instance web-1 status connection_lost, got "
                        "registered"};
  ScenarioResult bad{"lib/c.json", "c", "", false, true, 0.001, "lib/c.json: not valid JSON"};
  return {ok, failed, bad};
}

TEST(ScenarioReport, TableListsEachScenarioAndEndsWithTheCounts) {
  std::string t = table_report(sample());
  EXPECT_TRUE(t.ends_with("\n1 passed, 2 failed\n")) << t;
  EXPECT_NE(t.find("b         failed    1.500s    step 3 (expect): expected instance web-1 "
                   "status connection_lost, got registered"),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("bad file"), std::string::npos);
}

TEST(ScenarioReport, JsonReportHasEveryResult) {
  auto j = nlohmann::json::parse(json_report(sample()));
  EXPECT_EQ(j["passed"], 1);
  EXPECT_EQ(j["failed"], 2);
  ASSERT_EQ(j["scenarios"].size(), 3u);
  EXPECT_EQ(j["scenarios"][0]["result"], "passed");
  EXPECT_EQ(j["scenarios"][1]["result"], "failed");
  EXPECT_EQ(j["scenarios"][2]["result"], "bad file");
  EXPECT_EQ(j["scenarios"][1]["file"], "lib/b.json");
}

TEST(ScenarioReport, JunitXmlIsWellFormedWithFailuresAndErrors) {
  pugi::xml_document doc;
  std::string xml = junit_report(sample());
  ASSERT_TRUE(doc.load_string(xml.c_str())) << xml;
  auto suite = doc.child("testsuites").child("testsuite");
  EXPECT_EQ(std::string(suite.attribute("tests").value()), "3");
  EXPECT_EQ(std::string(suite.attribute("failures").value()), "1");
  EXPECT_EQ(std::string(suite.attribute("errors").value()), "1");
  auto cases = suite.children("testcase");
  std::vector<pugi::xml_node> list(cases.begin(), cases.end());
  ASSERT_EQ(list.size(), 3u);
  EXPECT_FALSE(list[0].child("failure"));
  EXPECT_EQ(std::string(list[1].child("failure").attribute("message").value()), sample()[1].reason);
  EXPECT_EQ(std::string(list[1].child("system-out").text().get()), "proves <b> & \"c\"");
  EXPECT_TRUE(list[2].child("error"));
  EXPECT_EQ(std::string(list[1].attribute("time").value()), "1.500");
}

}  // namespace
}  // namespace opsreg::scenarios
