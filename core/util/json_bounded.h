// JSON from outside (request bodies, policy documents, files users write) parsed with a bound
// on nesting: everything that walks a JSON value here (dump, policy parsing, merges, the
// snapshot) recurses, so a document nested 100000 deep must be refused before it is parsed.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace opsreg {

// No AWS document nests this deep (policies reach 5 or 6 levels); ours stay far below too.
inline constexpr std::size_t kMaxJsonDepth = 64;

// True when `text` opens more than `max_depth` arrays/objects inside one another (brackets in
// strings do not count). A cheap scan, done before parsing.
bool json_nested_deeper_than(std::string_view text, std::size_t max_depth = kMaxJsonDepth);

// "JSON nested deeper than 64 levels".
std::string json_too_deep_message(std::size_t max_depth = kMaxJsonDepth);

// As nlohmann::json::parse(text, nullptr, false): a discarded value when `text` is not JSON,
// and also when it nests deeper than `max_depth`. Every parser of outside input uses this.
nlohmann::json parse_json_bounded(std::string_view text, std::size_t max_depth = kMaxJsonDepth);

}  // namespace opsreg
