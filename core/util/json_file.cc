// A file read whole and parsed as JSON; a syntax error is located as FILE:LINE:COLUMN.
#include "core/util/json_file.h"

#include <algorithm>
#include <fstream>

#include "core/util/data_dir.h"
#include "core/util/json_bounded.h"

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
  if (json_nested_deeper_than(text))
    return aws::make_error("InvalidJson", name + ": " + json_too_deep_message(), 0);
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

Result<std::string> read_regular_file(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  namespace fs = std::filesystem;
  auto unreadable = [&](const std::string& why) {
    return aws::make_error("UnreadableFile", path.string() + ": " + why, 0);
  };
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);  // follows symlinks; a loop is an error here
  if (ec || !fs::exists(status)) return aws::make_error("UnreadableFile", cannot_read(path), 0);
  if (!fs::is_regular_file(status)) {
    std::string kind = fs::is_directory(status)                                     ? "a directory"
                       : fs::is_fifo(status)                                        ? "a fifo"
                       : fs::is_socket(status)                                      ? "a socket"
                       : fs::is_block_file(status) || fs::is_character_file(status) ? "a device"
                                                                                    : "not a file";
    return unreadable("not a regular file (" + kind + ")");
  }
  std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return aws::make_error("UnreadableFile", cannot_read(path), 0);
  if (size > max_bytes)
    return unreadable("larger than " + std::to_string(max_bytes >> 20) + " MiB");
  std::ifstream in(path, std::ios::binary);
  if (!in) return aws::make_error("UnreadableFile", cannot_read(path), 0);
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

Result<nlohmann::json> read_json_file(const std::filesystem::path& path) {
  auto text = read_regular_file(path);
  if (!text.ok()) return text.error();
  return parse_json_text(*text, path.string());
}

}  // namespace opsreg
