// A file read whole and parsed as JSON; a syntax error is located as FILE:LINE:COLUMN.
#include "core/util/json_file.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/util/data_dir.h"

namespace opsreg {

namespace {

// The parser's reason without its "[json.exception.parse_error.101] parse error at line L,
// column C: " preamble (we say where ourselves).
std::string reason_of(const nlohmann::json::parse_error& e) {
  std::string what = e.what();
  if (auto at = what.find("parse error"); at != std::string::npos)
    if (auto colon = what.find(": ", at); colon != std::string::npos) return what.substr(colon + 2);
  if (auto close = what.find("] "); close != std::string::npos) return what.substr(close + 2);
  return what;
}

// Line and column (from 1) of the byte at `offset` (from 0) in `text`.
std::string line_and_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::string_view before = text.substr(0, offset);
  std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  std::size_t line_start = before.rfind('\n');
  std::size_t column = offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
  return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

Result<nlohmann::json> parse_json_text(std::string_view text, const std::string& name) {
  try {
    return nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte counts the bytes read, the offending one included.
    std::size_t offset = e.byte == 0 ? 0 : e.byte - 1;
    return aws::make_error(
        "InvalidJson",
        name + ":" + line_and_column(text, offset) + ": invalid JSON: " + reason_of(e), 0);
  }
}

Result<nlohmann::json> read_json_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return aws::make_error("UnreadableFile", cannot_read(path), 0);
  std::stringstream text;
  text << in.rdbuf();
  return parse_json_text(text.str(), path.string());
}

}  // namespace opsreg
