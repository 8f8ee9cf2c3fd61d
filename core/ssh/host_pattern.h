// Host pattern matching as OpenSSH does it for ssh_config Host lines and known_hosts names:
// `*` and `?` wildcards, `!` negation, case-insensitive.
#pragma once

#include <string_view>
#include <vector>

namespace opsreg::ssh {

// Glob match of the whole `text` against `pattern` (`*` any run, `?` one character),
// ASCII case-insensitive.
bool glob_match(std::string_view text, std::string_view pattern);

enum class PatternListMatch { kNoMatch, kMatch, kNegated };

// Matches `host` against a list of patterns: kNegated if any `!pattern` matches (that wins),
// else kMatch if any plain pattern matches, else kNoMatch. A list of only negations never
// gives kMatch.
PatternListMatch match_host_patterns(std::string_view host,
                                     const std::vector<std::string_view>& patterns);

// The same for a comma-separated list, as in a known_hosts host field.
PatternListMatch match_host_pattern_csv(std::string_view host, std::string_view csv);

}  // namespace opsreg::ssh
