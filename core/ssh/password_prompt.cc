// Where SSH passwords come from: OPSREG_SSH_PASSWORD, else a no-echo prompt on /dev/tty.
// Echo is restored on every path; the password never goes anywhere but the caller.
#include "core/ssh/password_prompt.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>

namespace opsreg::ssh {

std::optional<std::string> prompt_password_on_tty(const std::string& prompt) {
  int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;

  struct termios saved {};
  bool have_termios = tcgetattr(fd, &saved) == 0;
  if (have_termios) {
    struct termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO | ECHONL);
    quiet.c_lflag |= ICANON;
    tcsetattr(fd, TCSAFLUSH, &quiet);
  }
  if (write(fd, prompt.data(), prompt.size()) < 0) {
    // Nothing to do: reading still works, the user just sees no prompt.
  }

  std::string line;
  bool got_line = false;
  char c;
  while (true) {
    ssize_t n = read(fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    if (c == '\n' || c == '\r') {
      got_line = true;
      break;
    }
    line += c;
  }

  if (have_termios) tcsetattr(fd, TCSAFLUSH, &saved);
  if (write(fd, "\n", 1) < 0) {
    // The echoed newline is cosmetic.
  }
  close(fd);
  if (!got_line && line.empty()) return std::nullopt;  // EOF: the user gave up
  return line;
}

SecretSource default_password_source(bool batch_mode) {
  return [batch_mode](const std::string& prompt) -> std::optional<std::string> {
    if (const char* env = std::getenv("OPSREG_SSH_PASSWORD"); env != nullptr) {
      return std::string(env);
    }
    if (batch_mode) return std::nullopt;
    return prompt_password_on_tty(prompt);
  };
}

}  // namespace opsreg::ssh
