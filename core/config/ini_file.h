// The AWS shared config/credentials file format: INI sections of `key = value`, `#`/`;`
// comments, and nested sub-sections (a key with an empty value followed by indented
// `key = value` lines), as botocore's configloader reads them.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/util/result.h"

namespace opsreg::config {

struct IniSection {
  std::map<std::string, std::string> values;
  // `s3 =` followed by indented `endpoint_url = ...` lines: nested["s3"]["endpoint_url"].
  std::map<std::string, std::map<std::string, std::string>> nested;

  // The value of `key`, or nullopt.
  const std::string* get(const std::string& key) const;
};

struct IniFile {
  std::map<std::string, IniSection> sections;  // by the name inside [...], trimmed

  const IniSection* section(const std::string& name) const;
};

// Parses file text. A line that is neither a section header, a comment, nor `key = value`
// (or a key before any section) is a ValidationError "Unable to parse config file: PATH".
Result<IniFile> parse_ini(std::string_view text, std::string_view path_for_errors = "");

// Reads and parses a file; a missing file is an empty IniFile (as the CLI treats it).
Result<IniFile> load_ini_file(const std::string& path);

}  // namespace opsreg::config
