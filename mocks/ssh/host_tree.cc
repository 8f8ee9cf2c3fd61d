// Building the host's tree and its shims. The shims are tiny /bin/sh scripts; `sudo` only
// switches to the host's "root" environment (no real privilege change).
#include "mocks/ssh/host_tree.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>

#include "mocks/ssh/sandbox.h"

namespace opsreg::mocks::ssh {
namespace fs = std::filesystem;
namespace {

std::string sh_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

bool write_file(const fs::path& path, const std::string& text, fs::perms perms) {
  std::ofstream out(path, std::ios::trunc);
  out << text;
  out.close();
  if (!out) return false;
  std::error_code ec;
  fs::permissions(path, perms, ec);
  return !ec;
}

// `sudo [-E|-H|-n|-S|-i|-u root|--] [NAME=value...] CMD...`: reads sudo's options, then runs
// CMD as the host's root: on a plain host in the host's "root" environment (HOME under the tree,
// no real privilege change); sandboxed, as uid 0 of a user namespace nested in the session's.
std::string sudo_script(const HostSettings& settings, const fs::path& root) {
  std::string head =
      "#!/bin/sh\n"
      "# sudo of a fake opsreg host: runs the command as the host's root, never the machine's.\n"
      "while [ $# -gt 0 ]; do\n"
      "  case \"$1\" in\n"
      "    -u|-g|-C|-p) shift 2 ;;\n"
      "    --) shift; break ;;\n"
      "    -*) shift ;;\n"
      "    *) break ;;\n"
      "  esac\n"
      "done\n"
      "if [ $# -eq 0 ]; then echo 'usage: sudo command' >&2; exit 1; fi\n"
      "SUDO_USER=\"${USER:-}\"\n";
  if (settings.sandbox)
    return head +
           "export SUDO_USER HOME=/root USER=root LOGNAME=root\n"
           "if [ \"$(id -u)\" = 0 ]; then exec /usr/bin/env \"$@\"; fi\n"
           "exec /usr/bin/bwrap --unshare-user --uid 0 --gid 0 --dev-bind / / -- /usr/bin/env "
           "\"$@\"\n";
  return head + "OPSREG_HOST_ROOT=" + sh_quote(root.string()) +
         "\n"
         "export OPSREG_HOST_ROOT SUDO_USER HOME=\"$OPSREG_HOST_ROOT/root\" USER=root "
         "LOGNAME=root\n"
         "exec /usr/bin/env \"$@\"\n";
}

std::string hostname_script(const HostSettings& s) {
  std::string ips = s.private_ip;
  if (!s.public_ip.empty()) ips += (ips.empty() ? "" : " ") + s.public_ip;
  return "#!/bin/sh\n"
         "# hostname of a fake opsreg host: prints the simulated machine's name.\n"
         "case \"${1:-}\" in\n"
         "  -i|-I|--ip-address|--all-ip-addresses) echo " +
         sh_quote(ips) +
         " ;;\n"
         "  \"\"|-s|-f|--short|--fqdn|--long) echo " +
         sh_quote(s.hostname) +
         " ;;\n"
         "  *) echo 'hostname: the name of a fake host cannot be changed' >&2; exit 1 ;;\n"
         "esac\n";
}

std::string hosts_file(const HostSettings& s) {
  std::string text = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n";
  text += (s.private_ip.empty() ? "127.0.1.1" : s.private_ip) + "\t" + s.hostname + "\n";
  return text;
}

// A name for a temporary root that no one else's is: the process, a random number drawn once
// and a count (make() refuses a root that exists, as mkdtemp would).
fs::path temporary_root() {
  static const std::uint64_t token =
      std::random_device()() * 4294967296ull + std::random_device()();
  static std::atomic<std::uint64_t> count{0};
  char name[80];
  std::snprintf(name, sizeof name, "opsreg-host-%d-%llx-%llu", static_cast<int>(getpid()),
                static_cast<unsigned long long>(token),
                static_cast<unsigned long long>(count.fetch_add(1)));
  return fs::temp_directory_path() / name;
}

aws::Error setup_failed(const std::string& what) {
  return aws::make_error("HostSetupFailed", what, 500);
}

}  // namespace

Result<HostTree> HostTree::create(const HostSettings& settings, ExtraFiles extra) {
  if (settings.sandbox) {
    // A sandboxed host that cannot have its namespaces does not start (never unsandboxed).
    if (Result<std::string> bwrap = bubblewrap(); !bwrap.ok())
      return aws::make_error(bwrap.error().code,
                             "hosts run sandboxed and cannot here: " + bwrap.error().message +
                                 ". To run them unsandboxed on this machine (what their sessions "
                                 "write lands on it), set the world setting "
                                 "\"sandbox_hosts\": false",
                             0);
  }
  const bool temporary = settings.root.empty();
  std::error_code ec;
  fs::path root = temporary ? temporary_root() : fs::absolute(settings.root, ec);
  HostTree tree(root, temporary, settings, std::move(extra));
  if (!temporary)
    if (Status st = tree.make(); !st.ok()) return st.error();
  return tree;
}

HostTree::HostTree(fs::path root, bool temporary, HostSettings settings, ExtraFiles extra)
    : root_(std::move(root)),
      temporary_(temporary),
      settings_(std::move(settings)),
      extra_(std::move(extra)) {}

HostTree::HostTree(HostTree&& other) noexcept
    : root_(std::move(other.root_)),
      temporary_(std::exchange(other.temporary_, false)),
      settings_(std::move(other.settings_)),
      extra_(std::move(other.extra_)),
      made_(std::move(other.made_)) {}

HostTree::~HostTree() {
  if (temporary_ && made_ && made_->made) {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
}

Status HostTree::make() const {
  std::call_once(made_->once, [this] {
    if (temporary_) {
      if (::mkdir(root_.c_str(), 0700) != 0) {
        made_->status = setup_failed("cannot create the temporary host root " + root_.string());
        return;
      }
      made_->made = true;
    }
    made_->status = populate();
    if (made_->status.ok() && extra_) made_->status = extra_(host_key_file());
  });
  return made_->status;
}

fs::path HostTree::home_of(const std::string& user) const {
  return user == "root" ? root_ / "root" : root_ / "home" / user;
}

Status HostTree::populate() const {
  std::error_code ec;
  for (const char* dir : {"etc/ssh", "root", "tmp", "var/log", "bin", "home"}) {
    fs::create_directories(root_ / dir, ec);
    if (ec) {
      return aws::make_error("HostSetupFailed",
                             "cannot create " + (root_ / dir).string() + ": " + ec.message(), 500);
    }
  }
  fs::permissions(root_ / "tmp", fs::perms::all | fs::perms::sticky_bit, ec);
  constexpr fs::perms kExec = fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec;
  constexpr fs::perms kRead = fs::perms::owner_read | fs::perms::owner_write |
                              fs::perms::group_read | fs::perms::others_read;
  bool ok = write_file(root_ / "etc/hosts", hosts_file(settings_), kRead) &&
            write_file(root_ / "etc/hostname", settings_.hostname + "\n", kRead) &&
            write_file(root_ / "bin/sudo", sudo_script(settings_, root_), kExec) &&
            write_file(root_ / "bin/hostname", hostname_script(settings_), kExec);
  for (const HostUser& user : settings_.users) {
    fs::path ssh_dir = home_of(user.name) / ".ssh";
    fs::create_directories(ssh_dir, ec);
    std::string keys;
    for (const std::string& line : user.authorized_keys) keys += line + "\n";
    ok = ok && !ec &&
         write_file(ssh_dir / "authorized_keys", keys,
                    fs::perms::owner_read | fs::perms::owner_write);
  }
  if (!ok) {
    return aws::make_error("HostSetupFailed", "cannot populate host root " + root_.string(), 500);
  }
  if (settings_.sandbox) {
    std::vector<std::string> names;
    for (const HostUser& user : settings_.users) names.push_back(user.name);
    return prepare_sandbox_tree(root_, names);
  }
  return {};
}

std::vector<std::string> HostTree::environment(
    const std::string& user, const std::vector<std::pair<std::string, std::string>>& extra) const {
  if (settings_.sandbox) return sandbox_environment(user, extra);
  std::map<std::string, std::string> env = {
      {"HOME", home_of(user).string()},
      {"USER", user},
      {"LOGNAME", user},
      {"SHELL", "/bin/sh"},
      {"PATH", (root_ / "bin").string() + ":/usr/local/bin:/usr/bin:/bin"},
      {"TMPDIR", (root_ / "tmp").string()},
      {"OPSREG_HOST_ROOT", root_.string()},
      {"OPSREG_HOST_NAME", settings_.hostname},
      {"OPSREG_HOST_PRIVATE_IP", settings_.private_ip},
      {"OPSREG_HOST_PUBLIC_IP", settings_.public_ip},
  };
  for (const auto& [k, v] : settings_.env) env[k] = v;
  for (const auto& [k, v] : extra) env[k] = v;
  std::vector<std::string> out;
  for (const auto& [k, v] : env) out.push_back(k + "=" + v);
  return out;
}

std::vector<std::string> HostTree::sandbox_environment(
    const std::string& user, const std::vector<std::pair<std::string, std::string>>& extra) const {
  std::map<std::string, std::string> env;
  for (const auto& [k, v] : settings_.env) env[k] = v;
  // The session's own paths; the agent reads the world's volumes from the mount table bound
  // for it. OPSREG_HOST_ROOT names the tree for the host's process sweep only: bwrap drops it.
  std::map<std::string, std::string> own = {
      {"HOME", user == "root" ? "/root" : "/home/" + user},
      {"USER", user},
      {"LOGNAME", user},
      {"SHELL", "/bin/sh"},
      {"PATH",
       std::string(kSandboxToolsDir) + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin"},
      {"TMPDIR", "/tmp"},
      {"OPSREG_BIN", kSandboxAgentPath},
      {"OPSREG_HOST_ROOT", root_.string()},
      {"OPSREG_HOST_MOUNTS", kSandboxMountsPath},
      {"OPSREG_HOST_NAME", settings_.hostname},
      {"OPSREG_HOST_PRIVATE_IP", settings_.private_ip},
      {"OPSREG_HOST_PUBLIC_IP", settings_.public_ip},
  };
  for (const auto& [k, v] : own) env[k] = v;
  for (const auto& [k, v] : extra) env[k] = v;
  std::vector<std::string> out;
  for (const auto& [k, v] : env) out.push_back(k + "=" + v);
  return out;
}

}  // namespace opsreg::mocks::ssh
