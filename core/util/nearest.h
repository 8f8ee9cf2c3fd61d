// "Did you mean …?": the known word nearest to a mistyped one (a flag, a command, an operation,
// a member), by edit distance, for error messages that point at the likely fix.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace opsreg {

// The edit distance between `a` and `b`, letters compared without case: insertions, deletions,
// substitutions and swaps of two neighbouring letters cost one each ("rnu" -> "run" is 1).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The known word nearest to `word` when it is close enough to be a slip: one edit per five
// letters of the word away (at least one, at most three: "GetObjectAcl" is no slip for
// "GetObject"), or `word` is a prefix of exactly one known word ("--stack" -> "--stack-id").
// Ties go to the first in `known`. nullopt when none is close.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& known);

// " (did you mean '--stack-id'?)" for a close word, "" otherwise: appended to messages.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& known);

// "a, b, c": the words joined by ", ", for "(known: …)" lists.
std::string join_words(const std::vector<std::string>& words, std::string_view separator = ", ");

}  // namespace opsreg
