// INI parsing with the rules of Python's configparser (as botocore uses it) plus botocore's
// nested sub-sections.
#include "core/config/ini_file.h"

#include <cctype>
#include <fstream>
#include <sstream>
#include <vector>

namespace opsreg::config {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

aws::Error parse_failure(std::string_view path, std::string_view why) {
  return aws::make_error("ConfigParseError", "Unable to parse config file: " + std::string(path) +
                                                 " (" + std::string(why) + ")");
}

// Turns "\nk = v\nk2 = v2" (an option whose value is an indented block) into pairs.
bool parse_nested(std::string_view block, std::map<std::string, std::string>* out) {
  std::istringstream in{std::string(block)};
  std::string line;
  while (std::getline(in, line)) {
    std::string_view l = trim(line);
    if (l.empty()) continue;
    size_t eq = l.find('=');
    if (eq == std::string_view::npos) return false;
    (*out)[std::string(trim(l.substr(0, eq)))] = std::string(trim(l.substr(eq + 1)));
  }
  return true;
}

}  // namespace

const std::string* IniSection::get(const std::string& key) const {
  auto it = values.find(key);
  return it == values.end() ? nullptr : &it->second;
}

const IniSection* IniFile::section(const std::string& name) const {
  auto it = sections.find(name);
  return it == sections.end() ? nullptr : &it->second;
}

Result<IniFile> parse_ini(std::string_view text, std::string_view path) {
  // First pass as configparser: sections of options whose values may continue on indented
  // lines. Values are kept raw; nested blocks are split afterwards.
  struct Option {
    std::string key;
    std::string value;
  };
  std::vector<std::pair<std::string, std::vector<Option>>> raw;
  Option* current = nullptr;
  std::istringstream in{std::string(text)};
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string_view t = trim(line);
    if (t.empty() || t.front() == '#' || t.front() == ';') {
      // configparser keeps blank lines inside a value; they never matter for AWS settings.
      continue;
    }
    bool indented = std::isspace(static_cast<unsigned char>(line.front()));
    if (indented && current != nullptr) {
      current->value += "\n";
      current->value += t;
      continue;
    }
    if (t.front() == '[') {
      size_t close = t.find(']');
      if (close == std::string_view::npos)
        return parse_failure(path, "line " + std::to_string(number) + ": unterminated section");
      std::string name(t.substr(1, close - 1));
      for (const auto& [existing, opts] : raw)
        if (existing == name) return parse_failure(path, "section '" + name + "' already exists");
      raw.emplace_back(name, std::vector<Option>{});
      current = nullptr;
      continue;
    }
    if (raw.empty())
      return parse_failure(path, "line " + std::to_string(number) + ": no section header");
    size_t sep = t.find_first_of("=:");
    if (sep == std::string_view::npos || sep == 0)
      return parse_failure(path, "line " + std::to_string(number) + ": expected key = value");
    std::string key = lower(trim(t.substr(0, sep)));
    std::string value(trim(t.substr(sep + 1)));
    auto& opts = raw.back().second;
    std::erase_if(opts, [&](const Option& o) { return o.key == key; });
    opts.push_back(Option{key, value});
    current = &opts.back();
  }
  IniFile file;
  for (auto& [name, opts] : raw) {
    IniSection& section = file.sections[name];
    for (auto& opt : opts) {
      if (opt.value.starts_with("\n")) {
        std::map<std::string, std::string> nested;
        if (!parse_nested(opt.value, &nested))
          return parse_failure(path, "malformed sub-section '" + opt.key + "'");
        section.nested[opt.key] = std::move(nested);
      } else {
        section.values[opt.key] = std::move(opt.value);
      }
    }
  }
  return file;
}

Result<IniFile> load_ini_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return IniFile{};
  std::ostringstream buf;
  buf << f.rdbuf();
  return parse_ini(buf.str(), path);
}

}  // namespace opsreg::config
