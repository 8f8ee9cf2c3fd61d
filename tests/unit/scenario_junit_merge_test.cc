// Merging the shards' JUnit files (scenarios/engine/junit_merge.h): what N shards' reports
// merge into is what one unsharded run reports, but for the suites' summed times; a missing
// shard is named; inputs that are not shards of one run, or overlap, are refused.
#include <gtest/gtest.h>

#include <regex>

#include "scenarios/engine/junit_merge.h"

namespace opsreg::scenarios {
namespace {

ScenarioResult result(const std::string& file, const std::string& name, int outcome,
                      double seconds) {
  ScenarioResult r;
  r.file = file;
  r.name = name;
  r.proves = "proves " + name;
  r.passed = outcome == 0;
  r.bad_file = outcome == 2;
  r.reason = outcome ? "step 1 (expect): " + name + " & <differed>" : "";
  r.seconds = seconds;
  return r;
}

// In scenario_files' order: sorted by path, component by component ("a/x" before "a-b").
std::vector<ScenarioResult> library() {
  return {result("lib/a/x.json", "x", 0, 1.0005),   result("lib/a-b.json", "a-b", 1, 2.25),
          result("lib/b.json", "b", 0, 0.125),      result("lib/c.json", "c", 2, 0.001),
          result("lib/d.json", "d", 0, 3.3333),     result("lib/e.json", "same-name", 0, 1),
          result("lib/f.json", "same-name", 1, 1.5)};
}

std::string without_suite_times(std::string xml) {
  return std::regex_replace(xml, std::regex(R"re((<testsuites?\b[^>]*) time="[^"]*")re"), "$1");
}

// Shard k of n's report, its results taken by the same round robin as the files.
JunitFile shard_report(int k, int n, const std::vector<ScenarioResult>& all) {
  std::vector<ScenarioResult> mine;
  for (size_t i = 0; i < all.size(); ++i)
    if (static_cast<int>(i % n) + 1 == k) mine.push_back(all[i]);
  return {"junit-" + std::to_string(k) + ".xml", junit_report(mine, Shard{k, n})};
}

TEST(ScenarioJunitMerge, TheShardsMergeIntoTheUnshardedReport) {
  const std::string unsharded = junit_report(library());
  for (int n : {1, 2, 3, 7, 9}) {
    std::vector<JunitFile> files;
    for (int k = n; k >= 1; --k) files.push_back(shard_report(k, n, library()));  // any order
    auto merged = merge_junit(files);
    ASSERT_TRUE(merged.ok()) << merged.error().message;
    EXPECT_TRUE(merged->missing_shards.empty());
    EXPECT_EQ(without_suite_times(merged->xml), without_suite_times(unsharded)) << "N=" << n;
    EXPECT_EQ(merged->counts.tests, 7);
    EXPECT_EQ(merged->counts.failures, 2);
    EXPECT_EQ(merged->counts.errors, 1);
    EXPECT_EQ(merged->counts.skipped, 0);
    EXPECT_NEAR(merged->counts.seconds, 9.21, 0.001 * n);
  }
  EXPECT_NE(unsharded.find("<testsuite name=\"opsreg scenarios\" tests=\"7\" failures=\"2\" "
                           "errors=\"1\" skipped=\"0\" time=\"9.210\">"),
            std::string::npos)
      << unsharded;
}

TEST(ScenarioJunitMerge, AShardsReportNamesItsShard) {
  std::string xml = junit_report({library()[0]}, Shard{2, 3});
  EXPECT_NE(xml.find("<properties>\n      <property name=\"shard\" value=\"2/3\" />"),
            std::string::npos)
      << xml;
  EXPECT_EQ(junit_report({library()[0]}).find("<properties>"), std::string::npos);
}

TEST(ScenarioJunitMerge, AMissingShardIsNamedAndTheRestStillMerged) {
  auto merged = merge_junit({shard_report(1, 3, library()), shard_report(3, 3, library())});
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_EQ(merged->missing_shards, std::vector<std::string>{"2/3"});
  EXPECT_EQ(merged->counts.tests, 5);
}

TEST(ScenarioJunitMerge, InputsThatAreNotShardsOfOneRunAreRefused) {
  auto error_of = [](const std::vector<JunitFile>& files) {
    auto merged = merge_junit(files);
    EXPECT_FALSE(merged.ok());
    return merged.ok() ? std::string() : merged.error().message;
  };
  auto one = shard_report(1, 2, library());
  EXPECT_EQ(error_of({one, {"again.xml", one.text}}),
            "junit-1.xml and again.xml are both shard 1/2");
  EXPECT_EQ(error_of({one, shard_report(2, 3, library())}),
            "junit-1.xml is shard 1/2 but junit-2.xml is shard 2/3");
  JunitFile whole = {"whole.xml", junit_report(library())};
  EXPECT_EQ(error_of({whole, one}),
            "testcase x (lib/a/x.json) of suite opsreg scenarios is in both whole.xml and "
            "junit-1.xml");
  EXPECT_EQ(error_of({{"t.xml", "<testsuites><testsuite>"}}).rfind("t.xml: not XML: ", 0), 0u);
  EXPECT_EQ(error_of({{"t.xml", "<html/>"}}),
            "t.xml: not JUnit XML (its root is <html>, not <testsuites> or <testsuite>)");
  EXPECT_EQ(error_of({{"t.xml",
                       "<testsuite name='s'><properties><property name='shard' value='4/3'/>"
                       "</properties></testsuite>"}}),
            "t.xml: shard property '4/3' is not K/N");
}

// JUnit of other tools: a bare <testsuite> root, skipped testcases, properties and output kept.
TEST(ScenarioJunitMerge, OtherJunitMergesToo) {
  auto merged = merge_junit(
      {{"a.xml",
        "<testsuite name='s' time='1.5'><properties><property name='os' value='linux'/>"
        "</properties><testcase name='t1' time='1.5'><skipped/></testcase>"
        "<system-out>hello</system-out></testsuite>"},
       {"b.xml",
        "<testsuites><testsuite name='s'><properties><property name='os' value='linux'/>"
        "</properties><testcase name='t0' time='0.5'/></testsuite>"
        "<testsuite name='r' time='2'><testcase name='t'><error/></testcase></testsuite>"
        "</testsuites>"}});
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_TRUE(merged->missing_shards.empty());
  EXPECT_EQ(merged->counts.tests, 3);
  EXPECT_EQ(merged->counts.skipped, 1);
  EXPECT_EQ(merged->counts.errors, 1);
  EXPECT_DOUBLE_EQ(merged->counts.seconds, 4.0);
  const std::string& xml = merged->xml;
  // Suites by name (r before s); in s the testcases by name (t0 before t1), one property.
  EXPECT_LT(xml.find("name=\"r\""), xml.find("name=\"s\""));
  EXPECT_LT(xml.find("name=\"t0\""), xml.find("name=\"t1\""));
  EXPECT_EQ(xml.find("name=\"os\""), xml.rfind("name=\"os\""));
  EXPECT_NE(xml.find("<system-out>hello</system-out>"), std::string::npos);
  EXPECT_NE(xml.find("<testsuite name=\"s\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"1\" "
                     "time=\"2.000\">"),
            std::string::npos)
      << xml;
}

}  // namespace
}  // namespace opsreg::scenarios
