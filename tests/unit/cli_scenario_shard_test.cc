// Which shard `opsreg scenario run` is (cli/scenario_shard.h): --shard K/N, GitLab's
// CI_NODE_INDEX/CI_NODE_TOTAL (from 1), a Kubernetes indexed Job's JOB_COMPLETION_INDEX (from
// 0) with --shards or OPSREG_SHARDS; malformed values, K outside 1..N and contradictions are
// usage errors that say what is wrong.
#include <gtest/gtest.h>

#include <map>

#include "cli/scenario_shard.h"

namespace opsreg::cli {
namespace {

using Env = std::map<std::string, std::string>;
using Flag = std::optional<std::string>;

Getenv env_of(const Env& env) {
  return [env](const std::string& name) -> std::optional<std::string> {
    auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    return it->second;
  };
}

// "2/3 from SOURCE", "none", or "error: MESSAGE".
std::string choose(const Flag& shard, const Flag& shards, const Env& env = {}) {
  auto c = choose_shard(shard, shards, env_of(env));
  if (!c.ok()) {
    EXPECT_EQ(c.error().code, "UsageError");
    return "error: " + c.error().message;
  }
  if (!*c) return "none";
  return (*c)->shard.text() + " from " + (*c)->source;
}

bool refused(const std::string& outcome, const std::string& fragment) {
  return outcome.starts_with("error: ") && outcome.find(fragment) != std::string::npos;
}

TEST(CliScenarioShard, NothingGivenRunsEverything) {
  EXPECT_EQ(choose({}, {}), "none");
  EXPECT_EQ(choose({}, {}, {{"CI_NODE_INDEX", ""}, {"JOB_COMPLETION_INDEX", ""}}), "none");
}

TEST(CliScenarioShard, TheFlagCountsFromOneAndWinsOverTheEnvironment) {
  EXPECT_EQ(choose("2/3", {}), "2/3 from --shard 2/3");
  EXPECT_EQ(choose("1/1", {}), "1/1 from --shard 1/1");
  EXPECT_EQ(choose("3/3", "3"), "3/3 from --shard 3/3");
  Env ci = {{"CI_NODE_INDEX", "1"},
            {"CI_NODE_TOTAL", "5"},
            {"JOB_COMPLETION_INDEX", "4"},
            {"OPSREG_SHARDS", "9"}};
  EXPECT_EQ(choose("2/3", {}, ci), "2/3 from --shard 2/3");
}

TEST(CliScenarioShard, AMalformedOrOutOfRangeFlagIsRefused) {
  for (const char* bad : {"3", "a/b", "2/", "/3", "+1/3", "1/3/4", "1.0/3", " 1/3", "", "-1/3"})
    EXPECT_TRUE(refused(choose(bad, {}), "is not K/N")) << bad << ": " << choose(bad, {});
  EXPECT_TRUE(
      refused(choose("0/3", {}), "--shard 0/3: K must be from 1 to 3 (shards count from 1)"))
      << choose("0/3", {});
  EXPECT_TRUE(refused(choose("4/3", {}), "K must be from 1 to 3")) << choose("4/3", {});
  EXPECT_TRUE(refused(choose("1/0", {}), "--shard 1/0: N must be from 1 to 10000"));
  EXPECT_TRUE(refused(choose("0/0", {}), "N must be from 1"));
  EXPECT_TRUE(refused(choose("1/20000", {}), "N must be from 1 to 10000"));
  EXPECT_TRUE(refused(choose("2/3", "4"), "--shards 4 conflicts with --shard 2/3"));
  EXPECT_TRUE(refused(choose("2/3", "x"), "--shards x: the number of shards must be"));
  EXPECT_TRUE(refused(choose("2/3", "0"), "--shards 0: the number of shards must be from 1"));
}

TEST(CliScenarioShard, GitLabsParallelJobsCountFromOne) {
  EXPECT_EQ(choose({}, {}, {{"CI_NODE_INDEX", "2"}, {"CI_NODE_TOTAL", "3"}}),
            "2/3 from CI_NODE_INDEX=2, CI_NODE_TOTAL=3");
  EXPECT_EQ(choose({}, "3", {{"CI_NODE_INDEX", "3"}, {"CI_NODE_TOTAL", "3"}}),
            "3/3 from CI_NODE_INDEX=3, CI_NODE_TOTAL=3");
  EXPECT_TRUE(refused(choose({}, {}, {{"CI_NODE_INDEX", "0"}, {"CI_NODE_TOTAL", "3"}}),
                      "CI_NODE_INDEX=0 is outside 1..3 (it counts from 1"));
  EXPECT_TRUE(refused(choose({}, {}, {{"CI_NODE_INDEX", "4"}, {"CI_NODE_TOTAL", "3"}}),
                      "CI_NODE_INDEX=4 is outside 1..3"));
  EXPECT_TRUE(refused(choose({}, {}, {{"CI_NODE_INDEX", "two"}, {"CI_NODE_TOTAL", "3"}}),
                      "CI_NODE_INDEX=two is not a whole number"));
  EXPECT_TRUE(refused(choose({}, {}, {{"CI_NODE_INDEX", "1"}, {"CI_NODE_TOTAL", "0"}}),
                      "CI_NODE_TOTAL=0: the number of shards must be from 1"));
  EXPECT_TRUE(refused(choose({}, {}, {{"CI_NODE_INDEX", "1"}}),
                      "CI_NODE_INDEX is set but CI_NODE_TOTAL is not"));
  EXPECT_TRUE(refused(choose({}, {}, {{"CI_NODE_TOTAL", "3"}}),
                      "CI_NODE_TOTAL is set but CI_NODE_INDEX is not"));
  EXPECT_TRUE(refused(choose({}, "4", {{"CI_NODE_INDEX", "1"}, {"CI_NODE_TOTAL", "3"}}),
                      "--shards 4 conflicts with CI_NODE_TOTAL=3"));
  EXPECT_TRUE(refused(
      choose({}, {}, {{"CI_NODE_INDEX", "1"}, {"CI_NODE_TOTAL", "3"}, {"OPSREG_SHARDS", "2"}}),
      "OPSREG_SHARDS=2 conflicts with CI_NODE_TOTAL=3"));
}

TEST(CliScenarioShard, AKubernetesIndexedJobCountsFromZeroAndNeedsN) {
  EXPECT_EQ(choose({}, {}, {{"JOB_COMPLETION_INDEX", "0"}, {"OPSREG_SHARDS", "3"}}),
            "1/3 from JOB_COMPLETION_INDEX=0 (from 0), OPSREG_SHARDS=3");
  EXPECT_EQ(choose({}, "3", {{"JOB_COMPLETION_INDEX", "2"}, {"OPSREG_SHARDS", "7"}}),
            "3/3 from JOB_COMPLETION_INDEX=2 (from 0), --shards 3");
  EXPECT_TRUE(refused(choose({}, {}, {{"JOB_COMPLETION_INDEX", "1"}}),
                      "JOB_COMPLETION_INDEX=1 (a Kubernetes indexed Job) needs the number of "
                      "shards: --shards N or OPSREG_SHARDS=N"));
  EXPECT_TRUE(refused(choose({}, "3", {{"JOB_COMPLETION_INDEX", "3"}}),
                      "JOB_COMPLETION_INDEX=3 is outside 0..2 (it counts from 0; --shards 3)"));
  EXPECT_TRUE(refused(choose({}, {}, {{"JOB_COMPLETION_INDEX", "-1"}, {"OPSREG_SHARDS", "3"}}),
                      "JOB_COMPLETION_INDEX=-1 is not a whole number"));
  EXPECT_TRUE(refused(choose({}, {}, {{"JOB_COMPLETION_INDEX", "0"}, {"OPSREG_SHARDS", "three"}}),
                      "OPSREG_SHARDS=three: the number of shards must be a whole number"));
}

TEST(CliScenarioShard, ContradictionsAndAnIndexlessCountAreRefused) {
  Env both = {{"CI_NODE_INDEX", "2"},
              {"CI_NODE_TOTAL", "3"},
              {"JOB_COMPLETION_INDEX", "0"},
              {"OPSREG_SHARDS", "3"}};
  EXPECT_TRUE(refused(choose({}, {}, both),
                      "(shard 2/3) and JOB_COMPLETION_INDEX=0 (from 0), "
                      "OPSREG_SHARDS=3 (shard 1/3) disagree; choose one "
                      "with --shard K/N"))
      << choose({}, {}, both);
  both["JOB_COMPLETION_INDEX"] = "1";
  EXPECT_EQ(choose({}, {}, both), "2/3 from CI_NODE_INDEX=2, CI_NODE_TOTAL=3");
  EXPECT_TRUE(refused(choose({}, "3"),
                      "--shards 3 needs a shard index: --shard K/N, "
                      "CI_NODE_INDEX (GitLab) or JOB_COMPLETION_INDEX"));
  EXPECT_TRUE(refused(choose({}, {}, {{"OPSREG_SHARDS", "3"}}), "OPSREG_SHARDS=3 needs a shard"));
}

}  // namespace
}  // namespace opsreg::cli
