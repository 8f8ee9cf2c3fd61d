// Reading a whole file as JSON, for the files users write (scenarios, conformance cases,
// worlds), with errors that point at the line and column, as compilers do.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/util/result.h"

namespace opsreg {

// Errors: "UnreadableFile" ("cannot read PATH"), "InvalidJson" (as parse_json_text).
Result<nlohmann::json> read_json_file(const std::filesystem::path& path);

// Parses `text`; `name` (the file) starts the error: "InvalidJson" with the message
// "NAME:LINE:COLUMN: invalid JSON: what the parser expected" (lines and columns from 1, the
// column counting bytes; at the end of the text it points just past the last character).
Result<nlohmann::json> parse_json_text(std::string_view text, const std::string& name);

}  // namespace opsreg
