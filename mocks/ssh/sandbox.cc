// The bwrap command line of a host session, and the host tree's /etc seeded for it.
#include "mocks/ssh/sandbox.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <system_error>

namespace opsreg::mocks::ssh {

namespace fs = std::filesystem;

namespace {

// The host's own folders, bound writable at the same names.
constexpr std::array<const char*, 7> kHostDirs = {"etc",  "var", "tmp", "home",
                                                  "root", "srv", "opt"};

// The machine's top-level links into /usr (merged /usr: /bin -> usr/bin, ...), made as links.
std::vector<std::pair<std::string, std::string>> usr_links() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const char* name : {"bin", "sbin", "lib", "lib32", "lib64", "libx32"}) {
    std::error_code ec;
    fs::path p = fs::path("/") / name;
    if (fs::is_symlink(p, ec)) out.emplace_back(fs::read_symlink(p, ec).string(), p.string());
  }
  return out;
}

Result<std::string> find_bubblewrap() {
  std::string path;
  if (const char* chosen = std::getenv("OPSREG_BWRAP"); chosen && *chosen) {
    if (!fs::exists(chosen))
      return aws::make_error("SandboxUnavailable",
                             std::string("OPSREG_BWRAP names no file: ") + chosen, 0);
    path = chosen;
  }
  for (const char* dir : {"/usr/bin", "/bin", "/usr/local/bin"})
    if (path.empty() && fs::exists(fs::path(dir) / "bwrap"))
      path = (fs::path(dir) / "bwrap").string();
  if (path.empty())
    return aws::make_error("SandboxUnavailable",
                           "bubblewrap (bwrap) is not installed: apt-get install bubblewrap", 0);
  // A trial run: namespaces may be refused (a locked-down container, no user namespaces).
  std::string trial = path +
                      " --unshare-pid --unshare-uts --unshare-ipc --die-with-parent --ro-bind "
                      "/usr /usr --symlink usr/bin /bin --symlink usr/lib /lib --symlink "
                      "usr/lib64 /lib64 --proc /proc --dev /dev /bin/true 2>&1";
  FILE* p = ::popen(trial.c_str(), "r");
  if (!p) return aws::make_error("SandboxUnavailable", "cannot run " + path, 0);
  std::string said;
  std::array<char, 256> buf{};
  while (std::fgets(buf.data(), buf.size(), p)) said += buf.data();
  int status = ::pclose(p);
  if (status != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    while (!said.empty() && said.back() == '\n') said.pop_back();
    return aws::make_error("SandboxUnavailable",
                           "this machine does not allow the namespaces a sandboxed host needs (" +
                               path + ": " + (said.empty() ? "failed" : said) + ")",
                           0);
  }
  return path;
}

// What programs read from the machine's /etc, bound read-only over the host's own /etc: the
// dynamic linker's cache, Debian's alternatives (awk, editor, ...), name service configuration,
// TLS roots. Bound, not copied: a copy per host costs more than the rest of its start.
constexpr std::array<const char*, 8> kMachineEtc = {"ld.so.cache",  "ld.so.conf",    "ld.so.conf.d",
                                                    "alternatives", "nsswitch.conf", "ssl",
                                                    "profile",      "shells"};

}  // namespace

Result<std::string> bubblewrap() {
  static std::once_flag once;
  static Result<std::string> found = aws::make_error("SandboxUnavailable", "not looked for", 0);
  std::call_once(once, [] { found = find_bubblewrap(); });
  return found;
}

Status prepare_sandbox_tree(const fs::path& root, const std::vector<std::string>& users) {
  std::error_code ec;
  for (const char* dir : kHostDirs) {
    fs::create_directories(root / dir, ec);
    if (ec)
      return aws::make_error("HostSetupFailed",
                             "cannot create " + (root / dir).string() + ": " + ec.message(), 0);
  }
  fs::permissions(root / "tmp", fs::perms::all | fs::perms::sticky_bit, ec);
  if (!fs::exists(root / "etc/passwd")) {
    std::ofstream passwd(root / "etc/passwd");
    std::ofstream group(root / "etc/group");
    passwd << "root:x:0:0:root:/root:/bin/sh\n";
    group << "root:x:0:\n";
    for (const std::string& user : users) {
      if (user == "root") continue;
      const std::string id = std::to_string(sandbox_uid(users, user));
      passwd << user << ":x:" << id << ":" << id << "::/home/" << user << ":/bin/sh\n";
      group << user << ":x:" << id << ":\n";
    }
    if (!passwd || !group)
      return aws::make_error("HostSetupFailed", "cannot write " + (root / "etc/passwd").string(),
                             0);
  }
  return {};
}

int sandbox_uid(const std::vector<std::string>& users, const std::string& user) {
  if (user == "root") return 0;
  int id = 1000;
  for (const std::string& u : users) {
    if (u == user) return id;
    if (u != "root") ++id;
  }
  return id;
}

std::vector<std::string> sandbox_argv(const std::string& bwrap, const SandboxLayout& layout,
                                      const std::vector<std::string>& command) {
  const std::string uid = std::to_string(layout.uid);
  std::vector<std::string> a = {bwrap,
                                "--die-with-parent",
                                "--unshare-user",
                                "--uid",
                                uid,
                                "--gid",
                                uid,
                                "--unshare-pid",
                                "--unshare-uts",
                                "--unshare-ipc",
                                "--hostname",
                                layout.hostname,
                                "--ro-bind",
                                "/usr",
                                "/usr"};
  for (const auto& [target, link] : usr_links()) a.insert(a.end(), {"--symlink", target, link});
  a.insert(a.end(), {"--proc", "/proc", "--dev", "/dev", "--tmpfs", "/run"});
  for (const char* dir : kHostDirs)
    a.insert(a.end(), {"--bind", (layout.root / dir).string(), std::string("/") + dir});
  for (const char* name : kMachineEtc) {
    const std::string path = std::string("/etc/") + name;
    std::error_code ec;
    if (fs::exists(path, ec)) a.insert(a.end(), {"--ro-bind", path, path});
  }
  a.insert(a.end(), {"--ro-bind", (layout.root / "bin/sudo").string(),
                     std::string(kSandboxToolsDir) + "/sudo"});
  a.insert(a.end(), {"--ro-bind", layout.agent.string(), kSandboxAgentPath});
  if (fs::exists(layout.root / "proc/mounts"))
    a.insert(a.end(), {"--ro-bind", (layout.root / "proc/mounts").string(), kSandboxMountsPath});
  for (const fs::path& f : layout.shared_files)
    a.insert(a.end(), {"--ro-bind", f.string(), f.string()});
  // OPSREG_HOST_ROOT marks bwrap itself for the host's process sweep; inside, "/" is the host.
  a.insert(a.end(), {"--unsetenv", "OPSREG_HOST_ROOT", "--chdir", layout.cwd, "--"});
  a.insert(a.end(), command.begin(), command.end());
  return a;
}

}  // namespace opsreg::mocks::ssh
