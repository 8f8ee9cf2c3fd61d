// The greedy longest-first assignment of scenarios to shards, on integer weights.
#include "scenarios/engine/shard.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <utility>

namespace opsreg::scenarios {

namespace {

std::int64_t milliseconds(double seconds) {
  if (!std::isfinite(seconds) || seconds <= 0) return 1;
  return std::max<std::int64_t>(1, std::llround(std::min(seconds, 1e12) * 1000));
}

}  // namespace

std::optional<int> parse_count(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<Shard> parse_shard_text(std::string_view text) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto k = parse_count(text.substr(0, slash));
  auto n = parse_count(text.substr(slash + 1));
  if (!k || !n) return std::nullopt;
  return Shard{*k, *n};
}

std::vector<std::int64_t> shard_weights(const std::vector<ShardItem>& items,
                                        const Timings& timings) {
  std::vector<std::int64_t> recorded;
  for (const auto& item : items)
    if (auto it = timings.find(item.name); it != timings.end())
      recorded.push_back(milliseconds(it->second));
  std::int64_t fallback = 1;
  if (!recorded.empty()) {
    std::sort(recorded.begin(), recorded.end());
    size_t mid = recorded.size() / 2;
    fallback = recorded.size() % 2 ? recorded[mid] : (recorded[mid - 1] + recorded[mid]) / 2;
  }
  std::vector<std::int64_t> weights;
  for (const auto& item : items) {
    auto it = timings.find(item.name);
    weights.push_back(it == timings.end() ? fallback : milliseconds(it->second));
  }
  return weights;
}

std::vector<int> assign_shards(const std::vector<ShardItem>& items, const Timings& timings,
                               int total) {
  std::vector<std::int64_t> weights = shard_weights(items, timings);
  std::vector<size_t> order(items.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (weights[a] != weights[b]) return weights[a] > weights[b];
    if (items[a].name != items[b].name) return items[a].name < items[b].name;
    if (items[a].file != items[b].file) return items[a].file < items[b].file;
    return a < b;
  });
  // (load, K): the first is the least loaded shard, the lowest K among equals.
  std::set<std::pair<std::int64_t, int>> loads;
  for (int k = 1; k <= std::max(1, total); ++k) loads.insert({0, k});
  std::vector<int> shard_of(items.size(), 1);
  for (size_t i : order) {
    auto [load, k] = *loads.begin();
    loads.erase(loads.begin());
    shard_of[i] = k;
    loads.insert({load + weights[i], k});
  }
  return shard_of;
}

std::vector<size_t> shard_positions(const std::vector<ShardItem>& items, const Timings& timings,
                                    const Shard& shard) {
  std::vector<int> shard_of = assign_shards(items, timings, shard.total);
  std::vector<size_t> out;
  for (size_t i = 0; i < items.size(); ++i)
    if (shard_of[i] == shard.index) out.push_back(i);
  return out;
}

std::string with_shard(std::string pattern, int index) {
  static const std::string kPlaceholder = "{shard}";
  const std::string value = std::to_string(index);
  for (size_t at = pattern.find(kPlaceholder); at != std::string::npos;
       at = pattern.find(kPlaceholder, at + value.size()))
    pattern.replace(at, kPlaceholder.size(), value);
  return pattern;
}

}  // namespace opsreg::scenarios
