// Benchmark support: a lean HTTP/1.1 load generator. One keep-alive connection replays one
// request serialised once; each answer is read as far as its head and Content-Length body, so
// the client's own cost per request is one write and a read or two — the server is what a
// throughput benchmark measures, not the client's header parsing. A server that answers
// "Connection: close" (moto_server's Werkzeug does) is reconnected to before the next request,
// as any HTTP client would.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace opsreg::bench {

class RawLoad {
 public:
  // `request`: the whole request (head and body) as sent on the wire.
  RawLoad(const std::string& host, int port, std::string request)
      : request_(std::move(request)), buffer_(256 * 1024) {
    addr_.sin_family = AF_INET;
    addr_.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, host.c_str(), &addr_.sin_addr);
    reconnect();
  }
  ~RawLoad() {
    if (fd_ >= 0) close(fd_);
  }
  RawLoad(const RawLoad&) = delete;
  RawLoad& operator=(const RawLoad&) = delete;

  // Sends the request and reads its answer; false on a closed connection or a status >= 300
  // (`last_answer()` then holds what came). Adds the body's size to *bytes.
  bool once(size_t* bytes) {
    if (closing_ && !reconnect()) return false;
    if (fd_ < 0) return false;
    for (size_t sent = 0; sent < request_.size();) {
      ssize_t n = send(fd_, request_.data() + sent, request_.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += size_t(n);
    }
    size_t have = 0, head_end = std::string_view::npos, need = 0;
    while (true) {
      if (have == buffer_.size()) buffer_.resize(buffer_.size() * 2);
      ssize_t n = recv(fd_, buffer_.data() + have, buffer_.size() - have, 0);
      if (n <= 0) return false;
      have += size_t(n);
      std::string_view seen(buffer_.data(), have);
      if (head_end == std::string_view::npos) {
        head_end = seen.find("\r\n\r\n");
        if (head_end == std::string_view::npos) continue;
        need = head_end + 4 + content_length(seen.substr(0, head_end));
      }
      if (have >= need) break;
    }
    last_ = std::string_view(buffer_.data(), have);
    *bytes += need - head_end - 4;
    std::string_view head = last_.substr(0, head_end);
    closing_ = head.find("\r\nConnection: close") != std::string_view::npos ||
               head.find("\r\nconnection: close") != std::string_view::npos;
    return last_.size() > 12 && last_.substr(9, 1) == "2";  // "HTTP/1.1 2xx"
  }
  std::string_view last_answer() const { return last_; }

 private:
  static size_t content_length(std::string_view head) {
    for (std::string_view name : {"\r\nContent-Length:", "\r\ncontent-length:"}) {
      size_t at = head.find(name);
      if (at != std::string_view::npos)
        return std::strtoul(std::string(head.substr(at + name.size(), 24)).c_str(), nullptr, 10);
    }
    return 0;
  }

  bool reconnect() {
    if (fd_ >= 0) close(fd_);
    closing_ = false;
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&addr_), sizeof addr_) == 0) return true;
    close(fd_);
    fd_ = -1;
    return false;
  }

  sockaddr_in addr_{};
  bool closing_ = false;  // the last answer said "Connection: close"
  std::string request_;
  std::vector<char> buffer_;
  std::string_view last_;
  int fd_ = -1;
};

}  // namespace opsreg::bench
