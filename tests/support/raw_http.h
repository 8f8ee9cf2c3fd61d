// Test support: a raw loopback TCP client for HTTP servers, to send exactly the bytes a test
// means (malformed, partial, pipelined, slow) and read what comes back within a time bound.
#pragma once

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <string_view>

namespace opsreg::testing {

class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<uint16_t>(port));
    if (connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
      close(fd_);
      fd_ = -1;
    }
  }
  ~RawConnection() {
    if (fd_ >= 0) close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  RawConnection(RawConnection&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

  bool connected() const { return fd_ >= 0; }

  bool send_all(std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }

  // Reads until `done(received)` holds, the peer closes, or `within` passes. `closed()` then
  // says whether the peer closed.
  template <typename Done>
  std::string read_until(Done done, std::chrono::milliseconds within) {
    auto deadline = std::chrono::steady_clock::now() + within;
    while (!done(received_) && !closed_) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) break;
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
      char buf[65536];
      ssize_t n = recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) {
        closed_ = true;
        break;
      }
      received_.append(buf, static_cast<size_t>(n));
    }
    return received_;
  }
  // Everything until the peer closes (or `within` passes).
  std::string read_to_close(std::chrono::milliseconds within) {
    return read_until([](const std::string&) { return false; }, within);
  }
  // Until `count` answers ending in a blank line and a Content-Length body have arrived.
  std::string read_responses(size_t count, std::chrono::milliseconds within) {
    return read_until([count](const std::string& got) { return complete_responses(got) >= count; },
                      within);
  }
  bool closed() const { return closed_; }
  void clear() { received_.clear(); }

  // Complete answers (head plus Content-Length bytes) at the start of `bytes`.
  static size_t complete_responses(std::string_view bytes) {
    size_t count = 0;
    while (true) {
      size_t end = bytes.find("\r\n\r\n");
      if (end == std::string_view::npos) return count;
      std::string_view head = bytes.substr(0, end);
      size_t length = 0;
      size_t at = head.find("Content-Length: ");
      if (at != std::string_view::npos) length = std::stoul(std::string(head.substr(at + 16)));
      if (bytes.size() < end + 4 + length) return count;
      bytes.remove_prefix(end + 4 + length);
      ++count;
    }
  }

 private:
  int fd_ = -1;
  std::string received_;
  bool closed_ = false;
};

}  // namespace opsreg::testing
