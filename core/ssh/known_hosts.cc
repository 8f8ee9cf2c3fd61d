// OpenSSH known_hosts files: parsing, lookup of plain / wildcard / hashed names, appending.
// The policy decision (verify_host_key) lives in host_key_check.cc.
#include "core/ssh/known_hosts.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "core/aws/crypto.h"
#include "core/ssh/host_pattern.h"
#include "core/ssh/ssh_config_lexer.h"

namespace opsreg::ssh {
namespace {

std::string hmac_sha1(std::string_view key, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &len);
  return std::string(reinterpret_cast<char*>(out), len);
}

std::vector<std::string_view> split_ws(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

// True when the host field `hosts` names `name` (plain patterns or a |1| hash).
bool hosts_field_matches(std::string_view hosts, std::string_view name) {
  if (hosts.rfind("|1|", 0) == 0) {
    std::string_view rest = hosts.substr(3);
    size_t bar = rest.find('|');
    if (bar == std::string_view::npos) return false;
    std::string salt, hash;
    if (!aws::base64_decode(rest.substr(0, bar), &salt) ||
        !aws::base64_decode(rest.substr(bar + 1), &hash)) {
      return false;
    }
    return aws::constant_time_equal(hmac_sha1(salt, ascii_lower(name)), hash);
  }
  return match_host_pattern_csv(ascii_lower(name), hosts) == PatternListMatch::kMatch;
}

bool mkdir_parent(const std::string& file) {
  size_t slash = file.rfind('/');
  if (slash == std::string::npos || slash == 0) return true;
  std::string dir = file.substr(0, slash);
  struct stat st {};
  if (stat(dir.c_str(), &st) == 0) return S_ISDIR(st.st_mode);
  if (!mkdir_parent(dir)) return false;
  return mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST;
}

}  // namespace

std::string fingerprint_sha256(const HostKey& key) {
  std::string b64 = aws::base64_encode(aws::sha256(key.blob));
  while (!b64.empty() && b64.back() == '=') b64.pop_back();
  return "SHA256:" + b64;
}

std::string key_type_label(std::string_view type) {
  if (type == "ssh-ed25519") return "ED25519";
  if (type == "ssh-rsa" || type == "rsa-sha2-256" || type == "rsa-sha2-512") return "RSA";
  if (type.rfind("ecdsa-sha2-", 0) == 0) return "ECDSA";
  if (type == "ssh-dss") return "DSA";
  if (type.rfind("sk-ssh-ed25519", 0) == 0) return "ED25519-SK";
  if (type.rfind("sk-ecdsa", 0) == 0) return "ECDSA-SK";
  return std::string(type);
}

std::string known_hosts_name(std::string_view host, int port) {
  if (port == 22 || port <= 0) return ascii_lower(host);
  return "[" + ascii_lower(host) + "]:" + std::to_string(port);
}

std::string hash_host_name(std::string_view name, std::string_view salt) {
  return "|1|" + aws::base64_encode(salt) + "|" +
         aws::base64_encode(hmac_sha1(salt, ascii_lower(name)));
}

KnownHosts KnownHosts::load(const std::vector<std::string>& files) {
  KnownHosts kh;
  for (const std::string& file : files) {
    std::ifstream in(file);
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      std::vector<std::string_view> f = split_ws(line);
      if (f.empty() || f[0][0] == '#') continue;
      KnownHostsEntry e;
      size_t i = 0;
      if (f[0][0] == '@') e.marker = std::string(f[i++]);
      if (f.size() < i + 3) continue;  // hosts, type, key (RSA1 lines are skipped too)
      e.hosts = std::string(f[i]);
      e.key.type = std::string(f[i + 1]);
      if (!aws::base64_decode(f[i + 2], &e.key.blob) || e.key.blob.empty()) continue;
      e.file = file;
      e.line = line_no;
      kh.entries_.push_back(std::move(e));
    }
  }
  return kh;
}

HostKeyMatch KnownHosts::check(std::string_view name, const HostKey& key) const {
  HostKeyMatch changed;
  bool have_changed = false;
  HostKeyMatch known;
  bool have_known = false;
  for (const KnownHostsEntry& e : entries_) {
    if (e.marker == "@cert-authority") continue;
    if (!hosts_field_matches(e.hosts, name)) continue;
    bool same = e.key.type == key.type && e.key.blob == key.blob;
    if (e.marker == "@revoked") {
      if (same) return HostKeyMatch{HostKeyStatus::kRevoked, e.file, e.line};
      continue;
    }
    if (!e.marker.empty()) continue;
    if (same && !have_known) {
      known = HostKeyMatch{HostKeyStatus::kKnown, e.file, e.line};
      have_known = true;
    } else if (e.key.type == key.type && !have_changed) {
      changed = HostKeyMatch{HostKeyStatus::kChanged, e.file, e.line};
      have_changed = true;
    }
  }
  if (have_known) return known;
  if (have_changed) return changed;
  return HostKeyMatch{};
}

std::vector<std::string> KnownHosts::known_types(std::string_view name) const {
  std::vector<std::string> out;
  for (const KnownHostsEntry& e : entries_) {
    if (!e.marker.empty() || !hosts_field_matches(e.hosts, name)) continue;
    bool dup = false;
    for (const std::string& t : out) dup = dup || t == e.key.type;
    if (!dup) out.push_back(e.key.type);
  }
  return out;
}

Status KnownHosts::add(const std::string& file, std::string_view name, const HostKey& key,
                       bool hashed) {
  std::string host_field(ascii_lower(name));
  if (hashed) {
    unsigned char salt[20];
    if (RAND_bytes(salt, sizeof(salt)) != 1) {
      return aws::make_error("KnownHostsError", "no random bytes for a hashed host name");
    }
    host_field = hash_host_name(name, std::string_view(reinterpret_cast<char*>(salt), 20));
  }
  std::string line = host_field + " " + key.type + " " + aws::base64_encode(key.blob) + "\n";

  if (!mkdir_parent(file)) {
    return aws::make_error("KnownHostsError",
                           "Failed to add the host to the list of known "
                           "hosts (" +
                               file + ").");
  }
  int fd = open(file.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) {
    return aws::make_error("KnownHostsError",
                           "Failed to add the host to the list of known "
                           "hosts (" +
                               file + ").");
  }
  // A file whose last line lacks its newline would swallow ours.
  struct stat st {};
  if (fstat(fd, &st) == 0 && st.st_size > 0) {
    char last = '\n';
    if (pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n') line = "\n" + line;
  }
  bool ok = write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  ok = close(fd) == 0 && ok;
  if (!ok) {
    return aws::make_error("KnownHostsError",
                           "Failed to add the host to the list of known "
                           "hosts (" +
                               file + ").");
  }
  KnownHostsEntry e;
  e.hosts = host_field;
  e.key = key;
  e.file = file;
  entries_.push_back(std::move(e));
  return {};
}

}  // namespace opsreg::ssh
