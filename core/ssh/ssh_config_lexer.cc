// Splitting one ssh_config line into keyword and arguments as OpenSSH's readconf does.
// Mirrors argv_split(..., terminate_on_comment=1): a word starting with # ends the line.
#include "core/ssh/ssh_config_lexer.h"

namespace opsreg::ssh {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Result<ConfigLine> lex_config_line(std::string_view line) {
  ConfigLine out;
  size_t i = 0;
  while (i < line.size() && is_space(line[i])) ++i;
  if (i == line.size() || line[i] == '#') return out;

  // The keyword ends at whitespace or '='; one '=' (with spaces around) may separate it.
  size_t k = i;
  while (k < line.size() && !is_space(line[k]) && line[k] != '=') ++k;
  out.keyword = ascii_lower(line.substr(i, k - i));
  i = k;
  while (i < line.size() && is_space(line[i])) ++i;
  if (i < line.size() && line[i] == '=') {
    ++i;
    while (i < line.size() && is_space(line[i])) ++i;
  }

  while (i < line.size()) {
    if (line[i] == '#') break;  // a comment starts a word: the rest is ignored
    std::string word;
    char quote = 0;
    for (; i < line.size(); ++i) {
      char c = line[i];
      if (quote == 0 && is_space(c)) break;
      if (c == '\\' && i + 1 < line.size() &&
          (line[i + 1] == '"' || line[i + 1] == '\'' || line[i + 1] == '\\' ||
           (quote == 0 && line[i + 1] == ' '))) {
        word += line[++i];
      } else if (quote != 0 && c == quote) {
        quote = 0;
      } else if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else {
        word += c;
      }
    }
    if (quote != 0) return aws::make_error("SshConfigError", "invalid quotes");
    out.args.push_back(std::move(word));
    while (i < line.size() && is_space(line[i])) ++i;
  }
  return out;
}

}  // namespace opsreg::ssh
