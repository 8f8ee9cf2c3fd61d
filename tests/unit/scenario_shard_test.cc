// Splitting scenarios across shards (scenarios/engine/shard.h): over many K/N and random lists
// every scenario lands in exactly one shard, whatever the order the list comes in; durations
// decide greedily, longest first; without them the shards differ by at most one scenario.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "scenarios/engine/shard.h"

namespace opsreg::scenarios {
namespace {

std::vector<ShardItem> random_items(std::mt19937& rng, size_t count) {
  std::vector<ShardItem> items;
  std::uniform_int_distribution<int> letter('a', 'e'), length(1, 3);
  for (size_t i = 0; i < count; ++i) {
    std::string name;
    for (int n = length(rng); n > 0; --n) name += static_cast<char>(letter(rng));
    // Short names from few letters: the same name in two files happens, as it may in a library.
    items.push_back({name, "lib/" + std::to_string(i) + ".json"});
  }
  return items;
}

Timings random_timings(std::mt19937& rng, const std::vector<ShardItem>& items) {
  Timings t;
  std::uniform_real_distribution<double> seconds(0.0, 30.0);
  std::bernoulli_distribution recorded(0.7);
  for (const auto& item : items)
    if (recorded(rng)) t[item.name] = seconds(rng);
  t["not-in-the-list"] = 1000;  // timings of scenarios not listed change nothing
  return t;
}

// Each shard's items as (name, file), sorted.
std::vector<std::multiset<std::pair<std::string, std::string>>> shards_of(
    const std::vector<ShardItem>& items, const Timings& timings, int total) {
  std::vector<std::multiset<std::pair<std::string, std::string>>> out(total);
  for (int k = 1; k <= total; ++k)
    for (size_t i : shard_positions(items, timings, {k, total}))
      out[k - 1].insert({items[i].name, items[i].file});
  return out;
}

TEST(ScenarioShard, EveryScenarioIsInExactlyOneShardWhateverTheOrder) {
  std::mt19937 rng(20261203);
  for (int round = 0; round < 300; ++round) {
    auto items = random_items(rng, std::uniform_int_distribution<size_t>(0, 60)(rng));
    Timings timings = round % 3 == 0 ? Timings{} : random_timings(rng, items);
    int total = std::uniform_int_distribution<int>(1, 12)(rng);
    SCOPED_TRACE("round " + std::to_string(round) + ", N=" + std::to_string(total));
    std::vector<int> count(items.size(), 0);
    for (int k = 1; k <= total; ++k) {
      auto positions = shard_positions(items, timings, {k, total});
      EXPECT_TRUE(std::is_sorted(positions.begin(), positions.end()));
      for (size_t i : positions) count[i]++;
    }
    for (size_t i = 0; i < items.size(); ++i) EXPECT_EQ(count[i], 1) << items[i].file;
    // Another machine lists the same files in another order: the same shards.
    auto shuffled = items;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    EXPECT_EQ(shards_of(shuffled, timings, total), shards_of(items, timings, total));
  }
}

TEST(ScenarioShard, WithoutTimingsTheShardsTakeTurnsInNameOrder) {
  std::vector<ShardItem> items;
  for (const char* name : {"g", "c", "a", "f", "b", "e", "d"}) items.push_back({name, name});
  std::vector<int> shard = assign_shards(items, {}, 3);
  // Sorted: a b c d e f g -> 1 2 3 1 2 3 1.
  EXPECT_EQ(shard, (std::vector<int>{1, 3, 1, 3, 2, 2, 1}));
  std::mt19937 rng(7);
  for (int round = 0; round < 100; ++round) {
    auto list = random_items(rng, std::uniform_int_distribution<size_t>(0, 50)(rng));
    int total = std::uniform_int_distribution<int>(1, 9)(rng);
    std::vector<size_t> sizes(total, 0);
    for (int k : assign_shards(list, {}, total)) sizes[k - 1]++;
    auto [lo, hi] = std::minmax_element(sizes.begin(), sizes.end());
    EXPECT_LE(*hi - *lo, 1u) << "N=" << total << ", " << list.size() << " scenarios";
  }
}

TEST(ScenarioShard, DurationsAreAssignedLongestFirstOntoTheLeastLoaded) {
  std::vector<ShardItem> items = {{"e", "e"}, {"d", "d"}, {"c", "c"}, {"b", "b"}, {"a", "a"}};
  Timings t = {{"a", 10}, {"b", 7}, {"c", 5}, {"d", 4}, {"e", 3}};
  // a(10)->1; b(7)->2; c(5)->2 (7 < 10); d(4)->1 (10 < 12); e(3)->2 (12 < 14).
  EXPECT_EQ(assign_shards(items, t, 2), (std::vector<int>{2, 1, 2, 2, 1}));
  // Equal durations: by name.
  Timings same = {{"a", 2}, {"b", 2}, {"c", 2}, {"d", 2}, {"e", 2}};
  EXPECT_EQ(assign_shards(items, same, 2), (std::vector<int>{1, 2, 1, 2, 1}));
}

// The greedy's own bound: the fullest shard exceeds the emptiest by at most the heaviest item.
TEST(ScenarioShard, NoShardIsFullerThanTheEmptiestByMoreThanOneScenario) {
  std::mt19937 rng(42);
  for (int round = 0; round < 200; ++round) {
    auto items = random_items(rng, std::uniform_int_distribution<size_t>(1, 80)(rng));
    Timings timings = random_timings(rng, items);
    int total = std::uniform_int_distribution<int>(1, 10)(rng);
    auto weights = shard_weights(items, timings);
    std::vector<std::int64_t> load(total, 0);
    auto shard = assign_shards(items, timings, total);
    for (size_t i = 0; i < items.size(); ++i) load[shard[i] - 1] += weights[i];
    auto [lo, hi] = std::minmax_element(load.begin(), load.end());
    EXPECT_LE(*hi - *lo, *std::max_element(weights.begin(), weights.end()));
  }
}

TEST(ScenarioShard, AScenarioWithoutATimingWeighsTheMedian) {
  std::vector<ShardItem> items = {{"a", "a"}, {"b", "b"}, {"c", "c"}, {"d", "d"}, {"x", "x"}};
  EXPECT_EQ(shard_weights(items, {{"a", 1}, {"b", 3}, {"c", 0.5}}),
            (std::vector<std::int64_t>{1000, 3000, 500, 1000, 1000}));
  EXPECT_EQ(shard_weights(items, {{"a", 1}, {"b", 4}}),
            (std::vector<std::int64_t>{1000, 4000, 2500, 2500, 2500}));
  EXPECT_EQ(shard_weights(items, {{"other", 9}}), (std::vector<std::int64_t>(5, 1)));
  EXPECT_EQ(shard_weights({{"z", "z"}}, {{"z", 0}}), (std::vector<std::int64_t>{1}));
}

TEST(ScenarioShard, ShardTextsAndCounts) {
  EXPECT_EQ(parse_count("3"), 3);
  EXPECT_EQ(parse_count("007"), 7);
  for (const char* bad : {"", "+3", "-3", " 3", "3 ", "3.0", "0x3", "1234567890", "x"})
    EXPECT_FALSE(parse_count(bad)) << bad;
  auto s = parse_shard_text("2/3");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->text(), "2/3");
  EXPECT_TRUE(s->valid());
  EXPECT_FALSE(parse_shard_text("4/3")->valid());
  EXPECT_FALSE(parse_shard_text("0/3")->valid());
  EXPECT_FALSE(parse_shard_text("1/0")->valid());
  EXPECT_FALSE(parse_shard_text("1/10001")->valid());
  for (const char* bad : {"3", "2/", "/3", "a/b", "1/3/4", "1 /3", ""})
    EXPECT_FALSE(parse_shard_text(bad)) << bad;
  EXPECT_EQ(with_shard("out/junit-{shard}.xml", 12), "out/junit-12.xml");
  EXPECT_EQ(with_shard("{shard}-{shard}", 2), "2-2");
  EXPECT_EQ(with_shard("plain.xml", 2), "plain.xml");
}

}  // namespace
}  // namespace opsreg::scenarios
