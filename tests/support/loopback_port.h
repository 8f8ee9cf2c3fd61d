// Test and benchmark support: a loopback port that is free at the moment of asking, for
// servers that must be told their port (sshd, moto_server) or for a port nobody listens on.
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace opsreg::testing {

// Binds 127.0.0.1:0, reads the port back and closes: free at that instant (callers that start
// a server on it retry when another process takes it first). -1 when no port can be bound.
inline int free_loopback_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(a);
  if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    close(fd);
    return -1;
  }
  close(fd);
  return ntohs(a.sin_port);
}

}  // namespace opsreg::testing
