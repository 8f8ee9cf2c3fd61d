// The no-echo password prompt on the controlling terminal, driven through a real pty:
// the prompt shows, the typed password is read but never echoed; no terminal gives nullopt.
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

#include "core/ssh/password_prompt.h"

namespace opsreg {
namespace {

// Reads from `fd` until `text` has been seen or EOF/error/5 s; returns all that was read.
std::string read_until(int fd, const std::string& text) {
  std::string got;
  while (got.find(text) == std::string::npos) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 5000) <= 0) break;
    char buf[256];
    ssize_t n = read(fd, buf, sizeof(buf));
    if (n <= 0) break;
    got.append(buf, static_cast<size_t>(n));
  }
  return got;
}

TEST(PasswordPrompt, ReadsFromTheTerminalWithoutEcho) {
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  ASSERT_GE(pid, 0);
  if (pid == 0) {  // child: the pty is its controlling terminal
    std::optional<std::string> p = ssh::prompt_password_on_tty("alice@web's password: ");
    std::string report =
        p ? "[len=" + std::to_string(p->size()) + (*p == "s3cr3t" ? " match]" : " differ]")
          : "[none]";
    if (write(STDOUT_FILENO, report.data(), report.size()) < 0) _exit(2);
    _exit(0);
  }
  std::string seen = read_until(master, "password: ");
  EXPECT_NE(seen.find("alice@web's password: "), std::string::npos);
  ASSERT_EQ(write(master, "s3cr3t\n", 7), 7);
  seen += read_until(master, "]");
  int status = 0;
  waitpid(pid, &status, 0);
  close(master);
  EXPECT_NE(seen.find("[len=6 match]"), std::string::npos) << seen;
  EXPECT_EQ(seen.find("s3cr3t"), std::string::npos) << "the password was echoed";
}

TEST(PasswordPrompt, EnvironmentVariableIsUsedWithoutATerminal) {
  setenv("OPSREG_SSH_PASSWORD", "from-env", 1);
  ssh::SecretSource src = ssh::default_password_source();
  EXPECT_EQ(src("x's password: "), std::optional<std::string>("from-env"));
  unsetenv("OPSREG_SSH_PASSWORD");
  EXPECT_EQ(ssh::default_password_source(true)("x's password: "), std::nullopt);  // batch mode
}

}  // namespace
}  // namespace opsreg
