// The three ways to run the registration script: libssh to the resolved host, the
// --override-ssh command as a child process, or /bin/sh locally.
#include "core/register/target.h"

#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/config/env.h"
#include "core/register/remote_script.h"
#include "core/ssh/password_prompt.h"
#include "core/ssh/shell_quote.h"
#include "core/ssh/ssh_config.h"
#include "core/ssh/ssh_runner.h"

extern char** environ;

namespace opsreg::registration {

namespace {

class SshTarget final : public TargetRunner {
 public:
  SshTarget(ssh::SshConnectOptions options, TargetIo io)
      : options_(std::move(options)), io_(std::move(io)) {}

  Result<int> run(const std::string& script) override {
    ssh::SshRunner runner(options_);
    if (Status s = runner.connect(); !s.ok()) return s.error();
    auth_method_ = runner.auth_method();
    ssh::RunOptions ro;
    ro.pty = true;
    ro.on_output = [&](std::string_view data, bool) {
      if (io_.output) io_.output(data);
    };
    auto r = runner.run(ssh::sh_c_command(script), ro);
    if (!r.ok()) return r.error();
    return r->ssh_exit_code();
  }
  std::string describe() const override {
    return "ssh " + (options_.user.empty() ? "" : options_.user + "@") + options_.host + ":" +
           std::to_string(options_.port) +
           (auth_method_.empty() ? "" : " (" + auth_method_ + " login)");
  }

 private:
  ssh::SshConnectOptions options_;
  TargetIo io_;
  std::string auth_method_;  // once connected: "publickey", "password", ...
};

class CommandTarget final : public TargetRunner {
 public:
  // `prefix` is the command; the script goes last (as "/bin/sh -c '<script>'" for
  // --override-ssh, or as the bare script after "/bin/sh -c" for --local).
  CommandTarget(std::vector<std::string> prefix, bool quote_script, TargetIo io)
      : prefix_(std::move(prefix)), quote_(quote_script), io_(std::move(io)) {}

  Result<int> run(const std::string& script) override {
    std::vector<std::string> argv = prefix_;
    argv.push_back(quote_ ? ssh::sh_c_command(script) : script);
    return run_local_command(argv, io_.output);
  }
  std::string describe() const override {
    return quote_ ? ssh::shell_join(prefix_) : "local /bin/sh";
  }

 private:
  std::vector<std::string> prefix_;
  bool quote_;
  TargetIo io_;
};

}  // namespace

Result<int> run_local_command(const std::vector<std::string>& argv, const OutputSink& output) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return aws::make_error("CommandFailed", "cannot make a pipe", 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
  std::vector<char*> cargv;
  for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, cargv[0], &actions, nullptr, cargv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (rc != 0) {
    close(pipe_fds[0]);
    return aws::make_error("CommandFailed", "cannot run " + argv[0] + ": " + strerror(rc), 0);
  }
  char buf[4096];
  for (;;) {
    ssize_t n = read(pipe_fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    if (output) output(std::string_view(buf, static_cast<size_t>(n)));
  }
  close(pipe_fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

Result<std::unique_ptr<TargetRunner>> make_target_runner(const Arguments& args,
                                                         const std::string& address, TargetIo io) {
  if (args.local)
    return std::unique_ptr<TargetRunner>(
        std::make_unique<CommandTarget>(std::vector<std::string>{"/bin/sh", "-c"}, false, io));
  if (args.override_ssh) {
    auto words = split_words(*args.override_ssh);
    if (!words.ok()) return words.error();
    if (words->empty()) return aws::make_error("UsageError", "--override-ssh is empty", 0);
    return std::unique_ptr<TargetRunner>(std::make_unique<CommandTarget>(*words, true, io));
  }
  ssh::LocalContext local = ssh::LocalContext::from_environment();
  auto config = args.ssh_config ? ssh::SshConfig::load_file(*args.ssh_config, local)
                                : ssh::SshConfig::load_default(local);
  if (!config.ok()) return config.error();
  ssh::ResolveOverrides overrides;
  overrides.user = args.ssh_username;
  if (args.ssh_private_key) overrides.identity_files.push_back(*args.ssh_private_key);
  ssh::ResolvedHost resolved = config->resolve(address, overrides);
  ssh::SshConnectOptions options = ssh::SshConnectOptions::from_resolved(resolved);
  options.identities_required = args.ssh_private_key.has_value();
  if (resolved.password_authentication || resolved.kbd_interactive_authentication)
    options.password =
        io.password ? io.password : ssh::default_password_source(resolved.batch_mode);
  options.on_notice = io.notice;
  return std::unique_ptr<TargetRunner>(std::make_unique<SshTarget>(options, io));
}

}  // namespace opsreg::registration
