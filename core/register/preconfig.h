// The agent's preconfig file (docs/register.md, step 8): what `register` hands the agent
// installer — one `:key: <JSON value>` line per parameter, sorted by key (Ruby-readable YAML).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/util/result.h"

namespace opsreg::registration {

// Parameter name → value, kept sorted by name.
using PreconfigValues = std::map<std::string, nlohmann::json>;

struct PreconfigInput {
  std::string stack_id;
  std::map<std::string, std::string> parameters;  // DescribeStackProvisioningParameters
  std::optional<std::string> access_key_id;       // both or neither (no key with
  std::optional<std::string> secret_access_key;   // --use-instance-profile)
  std::optional<std::string> hostname;            // --override-hostname
  std::optional<std::string> private_ip;          // --override-private-ip
  std::optional<std::string> public_ip;           // --override-public-ip
  bool import = false;                            // true for EC2
};

// The provisioning parameters plus stack_id, the key, the overrides and `import`.
PreconfigValues preconfig_values(const PreconfigInput& input);

// The file's text: ":key: VALUE" lines joined with "\n" (no final newline), VALUE as Python's
// json.dumps writes it (ASCII only: other characters as \uXXXX).
std::string render_preconfig(const PreconfigValues& values);

// Reads a preconfig back (the agent's side). Blank lines are skipped. Errors:
// "InvalidPreconfig" naming the line.
Result<PreconfigValues> parse_preconfig(std::string_view text);

// A copy of `values` with secret_access_key replaced by "REDACTED", for --debug and logs.
PreconfigValues redacted(const PreconfigValues& values);

// The value at `key` as text: a string bare, another scalar as JSON ("true", "443"); "" when
// absent or null.
std::string preconfig_text(const PreconfigValues& values, const std::string& key);

}  // namespace opsreg::registration
