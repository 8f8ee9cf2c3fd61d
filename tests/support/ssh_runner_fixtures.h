// Test helpers for the SSH runner suites: a self-deleting temp directory, file I/O, and the
// committed test keys under fixtures/ssh/runner_* (copied with mode 0600 where needed).
#pragma once

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/aws/crypto.h"
#include "core/ssh/known_hosts.h"

namespace opsreg::runner_testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "opsreg-ssh-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_text(const std::string& path, const std::string& text, mode_t mode = 0644) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
  }
  chmod(path.c_str(), mode);
}

inline std::string ssh_fixture(const std::string& name) {
  return std::string(OPSREG_SOURCE_DIR) + "/fixtures/ssh/" + name;
}

// Copies fixtures/ssh/<name> into `dir` with mode 0600 (git does not keep it); returns the path.
inline std::string private_key_copy(const TempDir& dir, const std::string& name) {
  std::string dst = dir / name;
  write_text(dst, read_text(ssh_fixture(name)), 0600);
  return dst;
}

// The public key of fixtures/ssh/<name>.pub as a HostKey.
inline ssh::HostKey fixture_public_key(const std::string& name) {
  std::istringstream in(read_text(ssh_fixture(name + ".pub")));
  std::string type, b64;
  in >> type >> b64;
  ssh::HostKey k;
  k.type = type;
  aws::base64_decode(b64, &k.blob);
  return k;
}

// "<type> <base64>" of fixtures/ssh/<name>.pub, for authorized_keys / known_hosts lines.
inline std::string fixture_public_line(const std::string& name) {
  std::istringstream in(read_text(ssh_fixture(name + ".pub")));
  std::string type, b64;
  in >> type >> b64;
  return type + " " + b64;
}

}  // namespace opsreg::runner_testing
