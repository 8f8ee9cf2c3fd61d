// Reading OpenSSH client configuration files: lines, Host/Match blocks, Include, validation.
// Values are interpreted later by resolve() (ssh_config_resolve.cc), per target.
#include "core/ssh/ssh_config.h"

#include <glob.h>
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>

#include "core/ssh/ssh_config_lexer.h"

namespace opsreg::ssh {
namespace {

constexpr int kMaxIncludeDepth = 16;  // OpenSSH's READCONF_MAX_DEPTH

aws::Error config_error(const std::string& origin, int line, const std::string& what) {
  return aws::make_error("SshConfigError", origin + " line " + std::to_string(line) + ": " + what);
}

bool read_whole_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

std::string expand_tilde(const std::string& path, const std::string& home) {
  if (path == "~") return home;
  if (path.rfind("~/", 0) == 0) return home + path.substr(1);
  return path;
}

bool valid_yes_no(const std::string& v) {
  std::string l = ascii_lower(v);
  return l == "yes" || l == "no" || l == "true" || l == "false";
}

bool valid_port(const std::string& v) {
  if (v.empty() || v.size() > 5) return false;
  for (char c : v) {
    if (c < '0' || c > '9') return false;
  }
  int p = std::stoi(v);
  return p > 0 && p <= 65535;
}

}  // namespace

std::optional<StrictHostKeyChecking> parse_strict_host_key_checking(std::string_view word) {
  std::string w = ascii_lower(word);
  if (w == "yes" || w == "true") return StrictHostKeyChecking::kYes;
  if (w == "no" || w == "off" || w == "false") return StrictHostKeyChecking::kNo;
  if (w == "accept-new") return StrictHostKeyChecking::kAcceptNew;
  if (w == "ask") return StrictHostKeyChecking::kAsk;
  return std::nullopt;
}

const char* to_string(StrictHostKeyChecking s) {
  switch (s) {
    case StrictHostKeyChecking::kYes:
      return "yes";
    case StrictHostKeyChecking::kNo:
      return "no";
    case StrictHostKeyChecking::kAcceptNew:
      return "accept-new";
    case StrictHostKeyChecking::kAsk:
      return "ask";
  }
  return "?";
}

LocalContext LocalContext::from_environment() {
  LocalContext ctx;
  struct passwd* pw = getpwuid(getuid());
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    ctx.home = home;
  } else if (pw != nullptr && pw->pw_dir != nullptr) {
    ctx.home = pw->pw_dir;
  }
  if (pw != nullptr && pw->pw_name != nullptr) {
    ctx.local_user = pw->pw_name;
  } else if (const char* user = std::getenv("USER"); user != nullptr) {
    ctx.local_user = user;
  }
  return ctx;
}

Result<SshConfig> SshConfig::load_file(const std::string& path, const LocalContext& local) {
  std::string text;
  if (!read_whole_file(path, &text)) {
    return aws::make_error("SshConfigError",
                           "Can't open user config file " + path + ": No such file or directory");
  }
  return parse(text, path, local.home + "/.ssh", local);
}

Result<SshConfig> SshConfig::load_default(const LocalContext& local,
                                          const std::string& system_path) {
  SshConfig cfg;
  cfg.local_ = local;
  std::string text;
  std::string user_path = local.home + "/.ssh/config";
  if (read_whole_file(user_path, &text)) {
    if (Status s = cfg.parse_into(text, user_path, local.home + "/.ssh", 0, -1); !s.ok()) {
      return s.error();
    }
  }
  // The system file's lines come after the user's: first obtained value wins, so the user's
  // settings take precedence, as in ssh.
  if (!system_path.empty() && read_whole_file(system_path, &text)) {
    if (Status s = cfg.parse_into(text, system_path, "/etc/ssh", 0, -1); !s.ok()) return s.error();
  }
  return cfg;
}

Result<SshConfig> SshConfig::parse(std::string_view text, const std::string& origin,
                                   const std::string& include_dir, const LocalContext& local) {
  SshConfig cfg;
  cfg.local_ = local;
  if (Status s = cfg.parse_into(text, origin, include_dir, 0, -1); !s.ok()) return s.error();
  return cfg;
}

std::vector<std::string> SshConfig::host_names() const {
  std::vector<std::string> names;
  for (const Block& b : blocks_)
    for (const std::string& p : b.patterns)
      if (p.find_first_of("*?!") == std::string::npos &&
          std::find(names.begin(), names.end(), p) == names.end())
        names.push_back(p);
  return names;
}

Status SshConfig::parse_into(std::string_view text, const std::string& origin,
                             const std::string& include_dir, int depth, int start_block) {
  // Lines before the first Host/Match belong to `start_block` (the includer's block, or -1:
  // every host). Blocks begun inside an included file end with it.
  int current_block = start_block;

  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;

    Result<ConfigLine> lexed = lex_config_line(raw);
    if (!lexed.ok()) return config_error(origin, line_no, lexed.error().message);
    ConfigLine& line = lexed.value();
    if (line.keyword.empty()) continue;
    const std::string& kw = line.keyword;

    if (kw == "host") {
      if (line.args.empty()) return config_error(origin, line_no, "Missing argument.");
      blocks_.push_back(Block{line.args, false, false});
      current_block = static_cast<int>(blocks_.size()) - 1;
      continue;
    }
    if (kw == "match") {
      Block b;
      if (line.args.size() == 1 && ascii_lower(line.args[0]) == "all") {
        b.match_all = true;
      } else {
        b.never = true;
        notes_.push_back(origin + " line " + std::to_string(line_no) +
                         ": Match block not evaluated by opsreg; its settings are skipped");
      }
      blocks_.push_back(std::move(b));
      current_block = static_cast<int>(blocks_.size()) - 1;
      continue;
    }
    if (kw == "include") {
      if (line.args.empty()) return config_error(origin, line_no, "Missing argument.");
      if (depth + 1 > kMaxIncludeDepth) {
        return config_error(origin, line_no, "Too many recursive configuration includes");
      }
      for (const std::string& arg : line.args) {
        std::string pattern = expand_tilde(arg, local_.home);
        if (pattern.empty() || pattern[0] != '/') pattern = include_dir + "/" + pattern;
        glob_t g{};
        if (glob(pattern.c_str(), 0, nullptr, &g) == 0) {
          for (size_t i = 0; i < g.gl_pathc; ++i) {
            std::string path = g.gl_pathv[i];
            std::string inc;
            if (!read_whole_file(path, &inc)) continue;
            Status s = parse_into(inc, path, include_dir, depth + 1, current_block);
            if (!s.ok()) {
              globfree(&g);
              return s;
            }
          }
        }
        globfree(&g);
      }
      continue;
    }

    // Validate the values opsreg interprets, wherever they appear (as ssh does).
    if (line.args.empty()) return config_error(origin, line_no, "Missing argument.");
    if (kw == "port" && !valid_port(line.args[0])) {
      return config_error(origin, line_no, "Badly formatted port number.");
    }
    if (kw == "stricthostkeychecking" && !parse_strict_host_key_checking(line.args[0])) {
      return config_error(origin, line_no, "unsupported option \"" + line.args[0] + "\".");
    }
    if ((kw == "hashknownhosts" || kw == "passwordauthentication" ||
         kw == "kbdinteractiveauthentication" || kw == "pubkeyauthentication" ||
         kw == "batchmode") &&
        !valid_yes_no(line.args[0])) {
      return config_error(origin, line_no, "unsupported option \"" + line.args[0] + "\".");
    }
    if (kw == "connecttimeout") {
      // Whole seconds that fit an int, as OpenSSH's convtime() takes them.
      const std::string& v = line.args[0];
      bool digits = !v.empty() && v.size() <= 10;
      for (char c : v) digits = digits && c >= '0' && c <= '9';
      if (!digits || std::stoll(v) > std::numeric_limits<int>::max())
        return config_error(origin, line_no, "invalid time value.");
    }
    entries_.push_back(Entry{kw, std::move(line.args), current_block});
  }
  return {};
}

}  // namespace opsreg::ssh
