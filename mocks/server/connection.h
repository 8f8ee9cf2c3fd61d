// One client connection of the loopback HTTP server: a non-blocking socket, the request being
// read, the answer being written. run() does whatever the socket allows without waiting and
// says what it waits for next; the server (http_server.cc) polls and calls it again. A slow or
// idle client therefore costs a descriptor and a few bytes, never a thread, and each phase has a
// deadline (expired()).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

#include "core/http/http_types.h"
#include "mocks/server/request_reader.h"

namespace opsreg::mocks {

using SteadyTime = std::chrono::steady_clock::time_point;

// What a connection needs from its server: the handler and the limits.
struct ConnectionPolicy {
  std::function<http::Response(const http::Request&)> handler;
  // The largest body a request with this head may carry (empty: limits.body_bytes).
  std::function<size_t(const http::Request& head)> body_limit;
  // The answer to a body over its limit (empty: a bare 413).
  std::function<http::Response(const http::Request& head)> too_large;
  RequestLimits limits;
  std::chrono::milliseconds header_timeout{10000};    // first byte to complete head
  std::chrono::milliseconds idle_timeout{5000};       // between requests (keep-alive)
  std::chrono::milliseconds progress_timeout{30000};  // between reads of a body, between writes
  std::chrono::milliseconds linger{2000};  // reading what a client still sends after a close
};

class Connection {
 public:
  enum class Want { kRead, kWrite, kClose };

  Connection(int fd, std::string remote_addr, const ConnectionPolicy& policy, SteadyTime now);
  ~Connection();  // closes the socket
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Reads, parses, answers and writes until the socket would block or the connection is over.
  Want run(SteadyTime now);
  // True when the phase it waits in (head, idle, body, write, linger) has run out of time.
  bool expired(SteadyTime now) const { return now >= deadline_; }
  // Ends an expired connection: a 408 when a request had begun and nothing was answered yet.
  void time_out();
  int fd() const { return fd_; }

  std::mutex mu;        // held by the one thread running it
  bool closed = false;  // set by the server, under mu, once the socket is gone

 private:
  enum class Io { kDone, kBlocked, kClosed };
  Io write_pending(SteadyTime now);
  Io read_into(std::string* chunk);
  Want drain(SteadyTime now);
  void answer(const http::Request& request, bool keep_alive);
  void refuse();
  void wait_for_read(SteadyTime now);

  int fd_;
  std::string remote_addr_;
  const ConnectionPolicy& policy_;
  RequestReader reader_;
  std::string out_;       // bytes of the answer not yet written
  bool closing_ = false;  // close once out_ is written
  bool draining_ = false;
  bool answered_ = false;  // out_ holds a final answer for the current request
  SteadyTime head_deadline_{};
  SteadyTime deadline_;
};

}  // namespace opsreg::mocks
