// `*`/`?` matching for policy actions, resources and String/Arn condition values.
#include "mocks/policy/wildcard.h"

#include <cctype>

namespace opsreg::mocks::policy {

namespace {
bool same(char a, char b, bool ignore_case) {
  if (!ignore_case) return a == b;
  return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
}

// Splits an ARN into at most six parts at its first five colons.
std::vector<std::string_view> arn_parts(std::string_view arn) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (parts.size() < 5) {
    size_t colon = arn.find(':', start);
    if (colon == std::string_view::npos) break;
    parts.push_back(arn.substr(start, colon - start));
    start = colon + 1;
  }
  parts.push_back(arn.substr(start));
  return parts;
}
}  // namespace

Pattern Pattern::wild(std::string_view text) {
  Pattern p;
  p.append_wild(text);
  return p;
}

Pattern Pattern::literal(std::string_view text) {
  Pattern p;
  p.append_literal(text);
  return p;
}

void Pattern::append_wild(std::string_view text) {
  for (char c : text) {
    chars_.push_back(c);
    wild_.push_back(c == '*' || c == '?');
  }
}

void Pattern::append_literal(std::string_view text) {
  chars_.append(text);
  wild_.resize(chars_.size(), false);
}

Pattern Pattern::slice(size_t pos, size_t len) const {
  Pattern p;
  p.chars_ = chars_.substr(pos, len);
  p.wild_.assign(wild_.begin() + pos, wild_.begin() + pos + p.chars_.size());
  return p;
}

bool Pattern::matches(std::string_view text, bool ignore_case) const {
  // Greedy matching with one backtrack point: the most recent `*`.
  size_t p = 0, t = 0;
  size_t star_p = std::string::npos, star_t = 0;
  while (t < text.size()) {
    if (p < chars_.size() && wild_[p] && chars_[p] == '*') {
      star_p = p++;
      star_t = t;
    } else if (p < chars_.size() && ((wild_[p] && chars_[p] == '?') ||
                                     (!wild_[p] && same(chars_[p], text[t], ignore_case)))) {
      ++p;
      ++t;
    } else if (star_p != std::string::npos) {
      p = star_p + 1;
      t = ++star_t;
    } else {
      return false;
    }
  }
  while (p < chars_.size() && wild_[p] && chars_[p] == '*') ++p;
  return p == chars_.size();
}

bool wildcard_match(std::string_view pattern, std::string_view text, bool ignore_case) {
  return Pattern::wild(pattern).matches(text, ignore_case);
}

bool arn_match(const Pattern& pattern, std::string_view arn) {
  std::vector<std::string_view> want = arn_parts(pattern.chars());
  std::vector<std::string_view> have = arn_parts(arn);
  if (want.size() != 6) return pattern.matches(arn);
  if (have.size() != 6) return false;
  // Re-slice the pattern (keeping which characters are wildcards) part by part.
  size_t offset = 0;
  for (size_t i = 0; i < 6; ++i) {
    if (!pattern.slice(offset, want[i].size()).matches(have[i])) return false;
    offset += want[i].size() + 1;
  }
  return true;
}

}  // namespace opsreg::mocks::policy
