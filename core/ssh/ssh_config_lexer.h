// Splitting one ssh_config line into keyword and arguments as OpenSSH's readconf does:
// `Keyword value`, `Keyword=value`, double or single quotes, backslash escapes, # comments.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.h"

namespace opsreg::ssh {

struct ConfigLine {
  std::string keyword;  // lower-cased; empty for blank and comment lines
  std::vector<std::string> args;
};

// Errors (unterminated quote) carry code "SshConfigError" and no file position; the caller
// prefixes "<file> line <n>: ".
Result<ConfigLine> lex_config_line(std::string_view line);

std::string ascii_lower(std::string_view s);

}  // namespace opsreg::ssh
