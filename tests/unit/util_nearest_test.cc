// "Did you mean": edit distance (swaps of neighbours cost one, case is ignored) and the nearest
// known word within one edit per five letters, or the one known word it starts.
#include <gtest/gtest.h>

#include "core/util/nearest.h"

namespace opsreg {
namespace {

TEST(Nearest, EditDistanceCountsInsertionsDeletionsSubstitutionsAndSwaps) {
  EXPECT_EQ(edit_distance("run", "run"), 0u);
  EXPECT_EQ(edit_distance("rnu", "run"), 1u);
  EXPECT_EQ(edit_distance("scenaro", "scenario"), 1u);
  EXPECT_EQ(edit_distance("--stack-idd", "--stack-id"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("DescribeInstances", "describeinstances"), 0u);
}

TEST(Nearest, SuggestsOnlyCloseWords) {
  const std::vector<std::string> commands = {"serve", "register", "scenario", "conform", "agent"};
  EXPECT_EQ(nearest("scenaro", commands), "scenario");
  EXPECT_EQ(nearest("regster", commands), "register");
  EXPECT_EQ(nearest("conform", commands), "conform");
  EXPECT_EQ(nearest("deploy", commands), std::nullopt);
  EXPECT_EQ(nearest("", commands), std::nullopt);
  EXPECT_EQ(nearest("rnu", {"run"}), "run");
  // One slip per five letters, at least one: two slips in a three-letter word are too many,
  // and a longer name is not a slip for a shorter one it starts with.
  EXPECT_EQ(nearest("xnu", {"run"}), std::nullopt);
  EXPECT_EQ(nearest("DescribeInstance", {"DescribeInstances", "DescribeStacks"}),
            "DescribeInstances");
  EXPECT_EQ(nearest("GetObjectAcl", {"GetObject", "PutObject"}), std::nullopt);
}

TEST(Nearest, AShortenedWordFindsTheOneItStarts) {
  EXPECT_EQ(nearest("--stack", {"--stack-id", "--ssh-config"}), "--stack-id");
  EXPECT_EQ(nearest("--ssh", {"--ssh-config", "--ssh-username"}), std::nullopt);
}

TEST(Nearest, DidYouMeanAndJoin) {
  EXPECT_EQ(did_you_mean("--jsn", {"--json", "--junit"}), " (did you mean '--json'?)");
  EXPECT_EQ(did_you_mean("--frobnicate", {"--json", "--junit"}), "");
  EXPECT_EQ(join_words({"a", "b", "c"}), "a, b, c");
  EXPECT_EQ(join_words({}), "");
}

}  // namespace
}  // namespace opsreg
