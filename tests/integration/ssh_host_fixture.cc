// The fake SSH host's test support: processes with pipes read by poll(), fixture keys,
// and the OpenSSH client command line every ssh_host test uses.
#include "tests/integration/ssh_host_fixture.h"

#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <sstream>

extern char** environ;

namespace opsreg::testing {
namespace fs = std::filesystem;

Process Process::start(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                       const std::string& input, bool keep_stdin_open) {
  std::map<std::string, std::string> vars;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string kv = *e;
    vars[kv.substr(0, kv.find('='))] = kv;
  }
  for (const std::string& kv : env) vars[kv.substr(0, kv.find('='))] = kv;
  std::vector<std::string> env_strings;
  for (auto& [k, kv] : vars) env_strings.push_back(kv);
  std::vector<char*> envp, args;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_copy = argv;
  for (auto& s : argv_copy) args.push_back(s.data());
  args.push_back(nullptr);

  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) {
    ADD_FAILURE() << "pipe2 failed";
  }
  // Closed by a successful execve: start() returns once the child runs the program, so that
  // what it is (its argv, its environment in /proc) is what a test then sees.
  int execed[2];
  if (pipe2(execed, O_CLOEXEC) != 0) ADD_FAILURE() << "pipe2 failed";
  Process p;
  p.pid_ = fork();
  if (p.pid_ == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    execve(args[0], args.data(), envp.data());
    _exit(127);
  }
  close(execed[1]);
  char ignored;
  while (read(execed[0], &ignored, 1) < 0 && errno == EINTR) {
  }
  close(execed[0]);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  p.in_ = in[1];
  p.out_ = out[0];
  p.err_ = err[0];
  size_t done = 0;
  while (done < input.size()) {
    ssize_t n = write(p.in_, input.data() + done, input.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  if (!keep_stdin_open) {
    close(p.in_);
    p.in_ = -1;
  }
  return p;
}

Process::Process(Process&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      in_(std::exchange(other.in_, -1)),
      out_(std::exchange(other.out_, -1)),
      err_(std::exchange(other.err_, -1)),
      early_out_(std::move(other.early_out_)) {}

Process::~Process() {
  if (pid_ > 0) wait();
}

bool Process::read_stdout_until(const std::string& text) {
  while (early_out_.find(text) == std::string::npos) {
    char buf[4096];
    ssize_t n = read(out_, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    early_out_.append(buf, static_cast<size_t>(n));
  }
  return true;
}

ProcessResult Process::wait() {
  ProcessResult result;
  result.out = std::move(early_out_);
  std::string* sinks[2] = {&result.out, &result.err};
  int fds[2] = {out_, err_};
  while (fds[0] >= 0 || fds[1] >= 0) {
    pollfd p[2] = {{fds[0], POLLIN, 0}, {fds[1], POLLIN, 0}};
    if (poll(p, 2, -1) < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i] < 0 || p[i].revents == 0) continue;
      char buf[8192];
      ssize_t n = read(fds[i], buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i]);
        fds[i] = -1;
      }
    }
  }
  out_ = err_ = -1;
  if (in_ >= 0) close(in_);
  in_ = -1;
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

ProcessResult run(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                  const std::string& input) {
  return Process::start(argv, env, input).wait();
}

fs::path ssh_fixture(const std::string& name) {
  return fs::path(OPSREG_SOURCE_DIR) / "fixtures/ssh" / name;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::trunc) << text;
}

namespace {
std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }
}  // namespace

mocks::ssh::HostSettings SshHostTest::default_settings() const {
  mocks::ssh::HostSettings settings;
  settings.hostname = "web-1";
  settings.private_ip = "10.0.0.5";
  settings.public_ip = "203.0.113.5";
  mocks::ssh::HostUser user;
  user.name = kUser;
  for (const char* name : {"user_ed25519.pub", "user_rsa.pub", "user_rsa_pem.pub"}) {
    user.authorized_keys.push_back(first_line(read_text(ssh_fixture(name))));
  }
  user.password = kPassword;
  settings.users.push_back(user);
  return settings;
}

void SshHostTest::SetUp() {
  std::string pattern = (fs::temp_directory_path() / "opsreg-sshtest-XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  dir_ = pattern;
  known_hosts_ = dir_ / "known_hosts";
  start_host(default_settings());
}

void SshHostTest::TearDown() {
  host_.reset();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

void SshHostTest::start_host(mocks::ssh::HostSettings settings) {
  host_.reset();
  auto started = mocks::ssh::FakeSshHost::start(std::move(settings));
  ASSERT_TRUE(started.ok()) << started.error().code << ": " << started.error().message;
  host_ = std::move(started).value();
}

std::string SshHostTest::key(const std::string& name) {
  fs::path copy = dir_ / ("key_" + name);
  if (!fs::exists(copy)) {
    write_text(copy, read_text(ssh_fixture(name)));
    chmod(copy.c_str(), 0600);
  }
  return copy.string();
}

std::vector<std::string> SshHostTest::ssh(const std::string& command, const std::string& key_name,
                                          const std::vector<std::string>& options,
                                          const std::string& user) {
  std::vector<std::string> argv = {"/usr/bin/ssh",
                                   "-F",
                                   "/dev/null",
                                   "-o",
                                   "UserKnownHostsFile=" + known_hosts_.string(),
                                   "-o",
                                   "GlobalKnownHostsFile=/dev/null",
                                   "-o",
                                   "StrictHostKeyChecking=accept-new",
                                   "-o",
                                   "IdentitiesOnly=yes",
                                   "-o",
                                   "IdentityAgent=none",
                                   "-o",
                                   "LogLevel=ERROR",
                                   "-p",
                                   std::to_string(host_->port())};
  if (!key_name.empty()) {
    argv.push_back("-i");
    argv.push_back(key(key_name));
  }
  for (const std::string& o : options) argv.push_back(o);
  argv.push_back(user + "@127.0.0.1");
  argv.push_back(command);
  return argv;
}

ProcessResult SshHostTest::ssh_run(const std::string& command, const std::string& key_name,
                                   const std::vector<std::string>& options) {
  std::vector<std::string> opts = {"-o", "BatchMode=yes"};
  opts.insert(opts.end(), options.begin(), options.end());
  return run(ssh(command, key_name, opts));
}

}  // namespace opsreg::testing
