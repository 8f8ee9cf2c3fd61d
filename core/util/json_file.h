// Reading a whole file as JSON, for the files users write (scenarios, conformance cases,
// worlds), with errors that point at the line and column, as compilers do.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/util/result.h"

namespace opsreg {

// The most a file users give us may hold (worlds, scenarios, cases are a few KiB).
inline constexpr std::uintmax_t kMaxInputFileBytes = 64u << 20;

// The whole of a regular file (a symlink to one too) of at most `max_bytes`. A directory, a
// fifo, a device or a socket is refused before it is opened (a fifo would block the read).
// Errors: "UnreadableFile": "cannot read PATH", "PATH: not a regular file (a directory)",
// "PATH: larger than 64 MiB".
Result<std::string> read_regular_file(const std::filesystem::path& path,
                                      std::uintmax_t max_bytes = kMaxInputFileBytes);

// read_regular_file, then parse_json_text.
// Errors: "UnreadableFile" (as read_regular_file), "InvalidJson" (as parse_json_text).
Result<nlohmann::json> read_json_file(const std::filesystem::path& path);

// Parses `text`; `name` (the file) starts the error: "InvalidJson" with the message
// "NAME:LINE:COLUMN: invalid JSON: what the parser expected" (lines and columns from 1, the
// column counting bytes; at the end of the text it points just past the last character);
// "NAME: JSON nested deeper than 64 levels" for text nested deeper than kMaxJsonDepth.
Result<nlohmann::json> parse_json_text(std::string_view text, const std::string& name);

}  // namespace opsreg
