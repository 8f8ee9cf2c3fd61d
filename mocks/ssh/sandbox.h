// A host session in its own Linux namespaces, through bubblewrap (bwrap, what Flatpak uses): its
// own mount, UTS, PID and IPC namespaces, the network shared (the host reaches the edge on
// loopback); the host's tree as its writable /etc, /var, /tmp, /home, /root, /srv and /opt, the
// machine's /usr (and the /bin, /lib links) read-only. Nothing the session writes reaches the
// machine, `hostname` is the host's name, `ps` shows only the session's processes, and they all
// die with it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace opsreg::mocks::ssh {

// Where the session finds opsreg's own files inside the sandbox: the agent executable and the
// `sudo` shim (on PATH first), and the mount table the agent reads (the world's volumes).
inline constexpr const char* kSandboxToolsDir = "/run/opsreg/bin";
inline constexpr const char* kSandboxAgentPath = "/run/opsreg/bin/opsreg";
inline constexpr const char* kSandboxMountsPath = "/run/opsreg/mounts";

struct SandboxLayout {
  std::filesystem::path root;  // the host's tree
  std::string hostname;
  std::filesystem::path agent;  // the executable the host runs as the agent (OPSREG_BIN)
  // Machine files the session may read at their own paths (the world's agent key pool).
  std::vector<std::filesystem::path> shared_files;
  std::string cwd = "/";  // inside the sandbox
  // The login user's uid inside (sandbox_uid); the session's own user namespace maps it to the
  // user that runs opsreg, so it holds no privilege on the machine.
  int uid = 0;
};

// The uid of `user` on a sandboxed host whose users are `users`: 0 for root, else 1000, 1001, ...
// in the order of `users` (as prepare_sandbox_tree writes /etc/passwd).
int sandbox_uid(const std::vector<std::string>& users, const std::string& user);

// The bubblewrap executable (OPSREG_BWRAP, else bwrap in /usr/bin, /bin, /usr/local/bin), or
// "SandboxUnavailable" saying why: not installed, or namespaces not allowed here (a trial run
// failed; its message is quoted). The answer is found once per process.
Result<std::string> bubblewrap();

// Seeds the host's tree for the sandbox: the folders it binds, and in its etc/ a passwd and a
// group listing root and `users` (kept when they exist). What programs need from the machine's
// /etc (the linker's cache, alternatives, nsswitch.conf, ssl) is bound read-only by
// sandbox_argv.
Status prepare_sandbox_tree(const std::filesystem::path& root,
                            const std::vector<std::string>& users);

// The argv that runs `command` (argv, program first) inside the sandbox: bwrap, its options, "--",
// `command`. `bwrap` is bubblewrap()'s answer.
std::vector<std::string> sandbox_argv(const std::string& bwrap, const SandboxLayout& layout,
                                      const std::vector<std::string>& command);

}  // namespace opsreg::mocks::ssh
