// The conformance run end to end: the library's cases against a second fakes world reached as a
// target through the standard AWS environment agree call for call, and their cleanup leaves
// nothing behind on the target.
#include <gtest/gtest.h>

#include "core/util/json_file.h"
#include "scenarios/conform/conform_report.h"
#include "scenarios/conform/conform_runner.h"
#include "scenarios/engine/scenario.h"

namespace opsreg::scenarios::conform {
namespace {

nlohmann::json default_world() {
  return read_json_file(std::string(OPSREG_FIXTURES_DIR) + "/worlds/default.json").value();
}

TEST(ConformRun, FakesAgainstFakesAgreeAndCleanUp) {
  auto other = ScenarioWorld::start(default_world(), {});
  ASSERT_TRUE(other.ok()) << other.error().message;
  ScenarioWorld& target = **other;
  auto files = scenario_files({std::string(OPSREG_FIXTURES_DIR) + "/conformance"});
  ASSERT_TRUE(files.ok()) << files.error().message;
  ASSERT_GE(files->size(), 6u);

  ConformOptions options;
  options.world = default_world();
  options.run = "opsreg-conform-0000test";
  options.open_target = [&]() -> Result<std::unique_ptr<Side>> {
    aws::Credentials op = target.world().operator_credentials();
    auto side =
        TargetSide::open(target.edge_url(), "",
                         config::env_from_map({{"AWS_ACCESS_KEY_ID", op.access_key_id},
                                               {"AWS_SECRET_ACCESS_KEY", op.secret_access_key},
                                               {"AWS_REGION", "us-east-1"},
                                               {"HOME", "/nonexistent"}}),
                         target.client_deps());  // signed at the target world's time
    if (!side.ok()) return side.error();
    return std::unique_ptr<Side>(std::move(*side));
  };
  auto results = run_cases(*files, options);
  ASSERT_TRUE(results.ok()) << results.error().message;
  size_t calls = 0;
  for (const CaseResult& r : *results) {
    EXPECT_EQ(r.error, "") << r.name;
    EXPECT_EQ(r.differing(), 0u) << render_table({r});
    EXPECT_TRUE(r.cleanup_notes.empty()) << render_table({r});
    calls += r.calls.size();
  }
  EXPECT_GE(calls, 30u);
  std::string table = render_table(*results);
  EXPECT_NE(table.find(std::to_string(calls) + " calls, " + std::to_string(calls) +
                       " the same, 0 different"),
            std::string::npos)
      << table;
  // Nothing the cases made is left on the target.
  nlohmann::json snapshot = target.world().snapshot();
  EXPECT_EQ(snapshot.dump().find("opsreg-conform-0000test"), std::string::npos);
}

// With no target, the fakes' answers are judged against what AWS documents: the shipped cases'
// documented blocks all hold, a call signed as another key or with a skewed clock included; and
// a documented outcome the fakes do not give is reported.
TEST(ConformRun, TheFakesGiveTheOutcomesAwsDocuments) {
  auto files = scenario_files({std::string(OPSREG_FIXTURES_DIR) + "/conformance"});
  ASSERT_TRUE(files.ok()) << files.error().message;
  DocumentedReference documented;
  ConformOptions options;
  options.world = default_world();
  options.reference = &documented;
  auto results = run_cases(*files, options);
  ASSERT_TRUE(results.ok()) << results.error().message;
  Totals t = totals(*results);
  EXPECT_EQ(t.different, 0u) << render_table(*results);
  EXPECT_GE(t.calls, 25u) << render_table(*results);
  EXPECT_EQ(t.same, t.calls);
  std::string table = render_table(*results);
  for (const char* outcome : {"InvalidClientTokenId (403)", "SignatureDoesNotMatch (403)",
                              "AccessDeniedException (400)", "RequestExpired (400)"})
    EXPECT_NE(table.find(outcome), std::string::npos) << outcome << "\n" << table;

  auto one = load_conform_case(std::string(OPSREG_FIXTURES_DIR) + "/conformance/clock-skew.json");
  ASSERT_TRUE(one.ok()) << one.error().message;
  one->steps[1].documented->status = 401;  // not what the fakes answer
  CaseResult r = run_case(*one, documented, options, "opsreg-conform-0000test");
  ASSERT_EQ(r.differing(), 1u) << render_table({r});
  EXPECT_EQ(r.calls[1].differences.at(0),
            "outcome: fakes SignatureDoesNotMatch (403), documented SignatureDoesNotMatch (401)");
}

TEST(ConformRun, AnUnreachableTargetStopsTheRunAtOnce) {
  auto files = scenario_files({std::string(OPSREG_FIXTURES_DIR) + "/conformance/iam-users.json"});
  ASSERT_TRUE(files.ok());
  ConformOptions options;
  options.world = default_world();
  options.open_target = [&]() -> Result<std::unique_ptr<Side>> {
    auto side = TargetSide::open("http://127.0.0.1:1", "",
                                 config::env_from_map({{"AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"},
                                                       {"AWS_SECRET_ACCESS_KEY", "secret"},
                                                       {"AWS_REGION", "us-east-1"},
                                                       {"AWS_MAX_ATTEMPTS", "1"},
                                                       {"HOME", "/nonexistent"}}));
    if (!side.ok()) return side.error();
    return std::unique_ptr<Side>(std::move(*side));
  };
  auto results = run_cases(*files, options);
  ASSERT_FALSE(results.ok());
  EXPECT_EQ(results.error().code, "TargetUnreachable");
  EXPECT_NE(results.error().message.find("EndpointConnectionError"), std::string::npos)
      << results.error().message;
}

}  // namespace
}  // namespace opsreg::scenarios::conform
