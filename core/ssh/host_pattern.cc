// Host pattern matching as OpenSSH does it for ssh_config Host lines and known_hosts names.
// Iterative glob with backtracking to the last `*`, so patterns never blow up.
#include "core/ssh/host_pattern.h"

#include <string>

#include "core/util/split.h"

namespace opsreg::ssh {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool glob_match(std::string_view text, std::string_view pattern) {
  size_t t = 0, p = 0;
  size_t star = std::string_view::npos, star_t = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || lower(pattern[p]) == lower(text[t]))) {
      ++t;
      ++p;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_t = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++star_t;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

PatternListMatch match_host_patterns(std::string_view host,
                                     const std::vector<std::string_view>& patterns) {
  bool matched = false;
  for (std::string_view pat : patterns) {
    bool negated = !pat.empty() && pat[0] == '!';
    if (negated) pat.remove_prefix(1);
    if (!glob_match(host, pat)) continue;
    if (negated) return PatternListMatch::kNegated;
    matched = true;
  }
  return matched ? PatternListMatch::kMatch : PatternListMatch::kNoMatch;
}

PatternListMatch match_host_pattern_csv(std::string_view host, std::string_view csv) {
  std::vector<std::string_view> parts;
  for (std::string_view part : split(csv, ','))
    if (!part.empty()) parts.push_back(part);
  return match_host_patterns(host, parts);
}

}  // namespace opsreg::ssh
