// Reading JSON values as text, for answers whose members may be missing or of another type:
// a string member or "", and any value as text (a string bare, anything else as JSON).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace opsreg {

// `j[key]` when `j` is an object holding a string there; "" otherwise.
std::string string_member(const nlohmann::json& j, std::string_view key);

// A string's characters, or any other value written as JSON ("3", "true", "[1,2]").
std::string as_text(const nlohmann::json& value);

}  // namespace opsreg
