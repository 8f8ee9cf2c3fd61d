// Reading a command's flags by its help's options table (cli/help.h): a flag the table does not
// list is refused by name, with the nearest known one suggested.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/help.h"
#include "core/util/result.h"

namespace opsreg::cli {

struct ParsedOptions {
  bool help = false;                          // -h or --help
  std::map<std::string, std::string> values;  // by the option's last name ("--jobs"): its value,
                                              // "" for a switch; a repeated flag: the last
  std::vector<std::string> positional;        // the other words, in order

  bool has(const std::string& name) const { return values.count(name) > 0; }
  std::optional<std::string> value(const std::string& name) const;
};

// Flags take their value as the next word or after '=' ("--jobs=4"); "--" ends the flags.
// Errors (the message after "opsreg CMD: "): "unknown option '--jsn' (did you mean '--json'?)",
// "--junit needs a value (FILE)", "--json takes no value".
Result<ParsedOptions> parse_options(const Args& args, const std::vector<Option>& options);

// "--env needs a value (FILE)" for a flag given an empty value ("--env ''"), for commands where
// no value means nothing sensible (serve, expect); "" when every value has something.
std::string empty_value(const ParsedOptions& parsed, const std::vector<Option>& options);

// "unknown KIND 'scenaro'. Did you mean 'scenario'?", or with no close word
// "unknown KIND 'x' (one of serve, register, …)": for mistyped commands and subcommands.
std::string unknown_word(const std::string& kind, const std::string& word,
                         const std::vector<std::string>& known);

}  // namespace opsreg::cli
