// Edit distance (optimal string alignment, case-insensitive) and the nearest known word.
#include "core/util/nearest.h"

#include <algorithm>
#include <cctype>

namespace opsreg {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // d[i][j]: the distance between a's first i letters and b's first j, three rows kept.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same = lower(a[i - 1]) == lower(b[j - 1]);
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (same ? 0 : 1)});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1]))
        row[j] = std::min(row[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return previous[b.size()];
}

std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& known) {
  if (word.empty()) return std::nullopt;
  const std::size_t limit = std::clamp<std::size_t>(word.size() / 5, 1, 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const std::string& k : known) {
    std::size_t d = edit_distance(word, k);
    if (d < best_distance) {
      best = k;
      best_distance = d;
    }
  }
  if (best) return best;
  // A shortened word that only one known word starts with.
  std::optional<std::string> prefixed;
  for (const std::string& k : known)
    if (k.size() > word.size() && k.starts_with(word)) {
      if (prefixed) return std::nullopt;
      prefixed = k;
    }
  return prefixed;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& known) {
  auto near = nearest(word, known);
  return near ? " (did you mean '" + *near + "'?)" : "";
}

std::string join_words(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += separator;
    out += w;
  }
  return out;
}

}  // namespace opsreg
