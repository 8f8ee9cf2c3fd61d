// SshConfig::resolve: which lines apply to a target, the first-obtained-value rule, defaults,
// and %-token / ~ expansion, as ssh(1) computes its options for one connection.
#include <unistd.h>

#include <map>
#include <set>

#include "core/ssh/host_pattern.h"
#include "core/ssh/ssh_config.h"
#include "core/ssh/ssh_config_lexer.h"

namespace opsreg::ssh {
namespace {

bool yes(const std::string& v) {
  std::string l = ascii_lower(v);
  return l == "yes" || l == "true";
}

std::string local_hostname() {
  char buf[256] = {};
  if (gethostname(buf, sizeof(buf) - 1) != 0) return "";
  return buf;
}

// Expands %-tokens from `tokens` (key: the letter) and a leading ~. Unknown tokens are kept.
std::string expand(const std::string& in, const std::map<char, std::string>& tokens,
                   const std::string& home) {
  std::string s = in;
  if (s == "~") s = home;
  if (s.rfind("~/", 0) == 0) s = home + s.substr(1);
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    char t = s[++i];
    if (t == '%') {
      out += '%';
    } else if (auto it = tokens.find(t); it != tokens.end()) {
      out += it->second;
    } else {
      out += '%';
      out += t;
    }
  }
  return out;
}

}  // namespace

ResolvedHost SshConfig::resolve(std::string_view target_in,
                                const ResolveOverrides& overrides) const {
  ResolvedHost r;
  std::string target(target_in);
  std::optional<std::string> user = overrides.user;
  if (size_t at = target.rfind('@'); at != std::string::npos) {
    if (!user) user = target.substr(0, at);
    target = target.substr(at + 1);
  }
  r.target = target;
  const std::string target_lc = ascii_lower(target);

  // Which blocks apply to this target.
  std::vector<bool> active(blocks_.size(), false);
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const Block& b = blocks_[i];
    if (b.never) continue;
    if (b.match_all) {
      active[i] = true;
      continue;
    }
    std::vector<std::string_view> pats(b.patterns.begin(), b.patterns.end());
    active[i] = match_host_patterns(target_lc, pats) == PatternListMatch::kMatch;
  }

  // First obtained value wins; IdentityFile accumulates.
  std::map<std::string, std::vector<std::string>> first;
  std::vector<std::string> config_identities;
  for (const Entry& e : entries_) {
    if (e.block >= 0 && !active[static_cast<size_t>(e.block)]) continue;
    if (e.keyword == "identityfile") {
      config_identities.push_back(e.args[0]);
    } else if (!first.count(e.keyword)) {
      first[e.keyword] = e.args;
    }
  }
  auto get = [&](const char* kw) -> const std::string* {
    auto it = first.find(kw);
    return it == first.end() ? nullptr : &it->second[0];
  };

  r.hostname = target;
  if (const std::string* h = get("hostname")) {
    r.hostname = expand(*h, {{'h', target}}, local_.home);
  }
  if (overrides.port) {
    r.port = *overrides.port;
  } else if (const std::string* p = get("port")) {
    r.port = std::stoi(*p);
  }
  if (user) {
    r.user = *user;
  } else if (const std::string* u = get("user")) {
    r.user = expand(*u, {{'u', local_.local_user}, {'%', "%"}}, local_.home);
  } else {
    r.user = local_.local_user;
  }
  if (overrides.strict) {
    r.strict = *overrides.strict;
  } else if (const std::string* s = get("stricthostkeychecking")) {
    r.strict = *parse_strict_host_key_checking(*s);
  }
  if (const std::string* v = get("hashknownhosts")) r.hash_known_hosts = yes(*v);
  if (const std::string* v = get("passwordauthentication")) r.password_authentication = yes(*v);
  if (const std::string* v = get("kbdinteractiveauthentication")) {
    r.kbd_interactive_authentication = yes(*v);
  }
  if (const std::string* v = get("pubkeyauthentication")) r.pubkey_authentication = yes(*v);
  if (const std::string* v = get("batchmode")) r.batch_mode = yes(*v);
  if (const std::string* v = get("connecttimeout")) r.connect_timeout = std::stoi(*v);
  if (const std::string* v = get("hostkeyalias")) r.host_key_alias = *v;

  const std::map<char, std::string> tokens = {
      {'d', local_.home},
      {'u', local_.local_user},
      {'h', r.hostname},
      {'n', target},
      {'r', r.user},
      {'p', std::to_string(r.port)},
      {'l', local_hostname()},
      {'i', std::to_string(getuid())},
      {'k', r.host_key_alias.empty() ? r.hostname : r.host_key_alias},
  };

  // -i files first, then the config's; "none" entries are dropped. Duplicates are tried once.
  std::set<std::string> seen;
  auto add_identity = [&](const std::string& raw) {
    if (ascii_lower(raw) == "none") return;
    std::string path = expand(raw, tokens, local_.home);
    if (seen.insert(path).second) r.identity_files.push_back(path);
  };
  for (const std::string& f : overrides.identity_files) add_identity(f);
  for (const std::string& f : config_identities) add_identity(f);
  r.identity_defaulted = r.identity_files.empty();
  if (r.identity_defaulted) {
    for (const char* name : {"id_rsa", "id_ecdsa", "id_ed25519", "id_dsa"}) {
      r.identity_files.push_back(local_.home + "/.ssh/" + name);
    }
  }

  auto file_list = [&](const char* kw, std::vector<std::string> defaults) {
    std::vector<std::string> out;
    auto it = first.find(kw);
    if (it == first.end()) return defaults;
    for (const std::string& f : it->second) {
      if (ascii_lower(f) == "none") continue;
      out.push_back(expand(f, tokens, local_.home));
    }
    return out;
  };
  r.known_hosts_files = file_list("userknownhostsfile", {local_.home + "/.ssh/known_hosts",
                                                         local_.home + "/.ssh/known_hosts2"});
  r.global_known_hosts_files =
      file_list("globalknownhostsfile", {"/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2"});
  return r;
}

}  // namespace opsreg::ssh
