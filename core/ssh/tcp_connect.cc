// Opening the TCP connection for SSH: getaddrinfo, then a non-blocking connect per address
// bounded by poll(2) on the remaining time — waiting on the socket, never sleeping.
#include "core/ssh/tcp_connect.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace opsreg::ssh {

Result<int> tcp_connect(const std::string& host, int port, std::chrono::milliseconds timeout) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + timeout;
  const std::string where = "ssh: connect to host " + host + " port " + std::to_string(port);

  struct addrinfo hints {};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_ADDRCONFIG;
  struct addrinfo* res = nullptr;
  int gai = getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &res);
  if (gai != 0) {
    return aws::make_error("ConnectionFailed",
                           "ssh: Could not resolve hostname " + host + ": " + gai_strerror(gai));
  }

  int last_errno = ETIMEDOUT;
  for (struct addrinfo* ai = res; ai != nullptr; ai = ai->ai_next) {
    int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0) {
      last_errno = errno;
      continue;
    }
    int rc = ::connect(fd, ai->ai_addr, ai->ai_addrlen);
    if (rc != 0 && errno == EINPROGRESS) {
      while (true) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
          errno = ETIMEDOUT;
          rc = -1;
          break;
        }
        struct pollfd p {
          fd, POLLOUT, 0
        };
        int n = poll(&p, 1, static_cast<int>(left.count()));
        if (n < 0 && errno == EINTR) continue;
        if (n == 0) {
          errno = ETIMEDOUT;
          rc = -1;
          break;
        }
        int err = 0;
        socklen_t len = sizeof(err);
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
        errno = err;
        rc = err == 0 ? 0 : -1;
        break;
      }
    }
    if (rc == 0) {
      freeaddrinfo(res);
      int flags = fcntl(fd, F_GETFL);
      fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
      int one = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
      return fd;
    }
    last_errno = errno;
    close(fd);
    if (last_errno == ETIMEDOUT) break;  // the time is spent
  }
  freeaddrinfo(res);
  return aws::make_error("ConnectionFailed", where + ": " + std::strerror(last_errno));
}

}  // namespace opsreg::ssh
