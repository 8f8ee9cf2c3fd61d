// Wildcard matching as IAM policies use it: `*` matches any run of characters (also none),
// `?` exactly one. Actions compare without regard to case, resources and ARNs with it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace opsreg::mocks::policy {

// A pattern whose characters each say whether they are a wildcard. Text that came from a
// policy variable (${aws:username}) is literal even if it contains `*` or `?`.
class Pattern {
 public:
  Pattern() = default;
  // Every `*` and `?` in `text` is a wildcard.
  static Pattern wild(std::string_view text);
  // No character of `text` is a wildcard.
  static Pattern literal(std::string_view text);

  void append_wild(std::string_view text);
  void append_literal(std::string_view text);

  // True when the whole of `text` matches the whole pattern.
  bool matches(std::string_view text, bool ignore_case = false) const;
  const std::string& chars() const { return chars_; }
  // The characters [pos, pos + len), wildcards kept as such.
  Pattern slice(size_t pos, size_t len) const;

 private:
  std::string chars_;
  std::vector<bool> wild_;  // per character of chars_: true for a `*` or `?` wildcard
};

// Matches with every `*` and `?` of `pattern` a wildcard.
bool wildcard_match(std::string_view pattern, std::string_view text, bool ignore_case = false);

// ArnLike/ArnEquals: each of the six colon-separated parts (the last may hold colons) is
// matched on its own, so a `*` never spans a colon before the resource part. A pattern
// without six parts is matched as a whole.
bool arn_match(const Pattern& pattern, std::string_view arn);

}  // namespace opsreg::mocks::policy
