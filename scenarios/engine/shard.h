// Splitting a list of scenarios across CI machines: shard K of N (K counting from 1, as
// GitLab's CI_NODE_INDEX does) takes the scenarios that a deterministic, balanced assignment
// gives it. The assignment depends only on the scenarios (names and files) and the recorded
// durations (scenarios/engine/timings.h), never on run order or the machine, so N machines
// given the same list cover every scenario exactly once.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace opsreg::scenarios {

struct Shard {
  int index = 1;  // K, from 1
  int total = 1;  // N, at least 1
  std::string text() const { return std::to_string(index) + "/" + std::to_string(total); }
  bool valid() const { return total >= 1 && total <= kMaxShards && index >= 1 && index <= total; }
  static constexpr int kMaxShards = 10000;
};

// A count in decimal digits only ("3"; not "+3", " 3", "3.0", "0x3", ""), at most 9 digits.
std::optional<int> parse_count(std::string_view text);

// "K/N" as two counts, whatever their values (check valid()); nullopt for any other shape.
std::optional<Shard> parse_shard_text(std::string_view text);

// One scenario to assign: its report name (the timings' key) and its file as given.
struct ShardItem {
  std::string name;
  std::string file;
};

// Recorded durations in seconds, by scenario name.
using Timings = std::map<std::string, double>;

// The weight of each item, in whole milliseconds (at least 1), so that the assignment is the
// same integer arithmetic everywhere: its recorded duration; without one, the median of the
// recorded durations of the listed items (the lower middle for an even count, rounded
// down), or 1 when none is recorded (every item weighs the same: balance by count).
std::vector<std::int64_t> shard_weights(const std::vector<ShardItem>& items,
                                        const Timings& timings);

// The shard (1..total) of each item: heaviest first (ties by name, then file, then position),
// each onto the shard with the least weight so far (ties: the lowest K). With equal weights
// that is round robin in sorted-name order. Precondition: total >= 1.
std::vector<int> assign_shards(const std::vector<ShardItem>& items, const Timings& timings,
                               int total);

// The positions of `items` that shard K takes, in the items' own order.
std::vector<size_t> shard_positions(const std::vector<ShardItem>& items, const Timings& timings,
                                    const Shard& shard);

// `pattern` with each "{shard}" replaced by K: "junit-{shard}.xml" -> "junit-2.xml".
std::string with_shard(std::string pattern, int index);

}  // namespace opsreg::scenarios
