// The process environment as a value: everything in core/config reads variables through an
// Env lookup, so tests pass a map and never touch the real environment or ~/.aws.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace opsreg::config {

// Returns the variable's value, or nullopt when it is not set.
using Env = std::function<std::optional<std::string>(std::string_view name)>;

// The real process environment (getenv).
Env process_env();
// A fixed environment; the map is copied.
Env env_from_map(std::map<std::string, std::string> vars);

// The value when set and not empty, else nullopt (how the AWS CLI treats most variables).
std::optional<std::string> non_empty(const Env& env, std::string_view name);

}  // namespace opsreg::config
