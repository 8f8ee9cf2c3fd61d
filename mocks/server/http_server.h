// The fakes' loopback HTTP/1.1 server: every method and path handed to one handler as an
// http::Request, its http::Response written back, or the connection dropped when the response
// says so. The edge (with the admin API) and each metadata service run on one.
//
// Built for clients that misbehave: connections are non-blocking sockets on one epoll set shared
// by a pool of threads (connection.h), so a thread is busy only while a request is parsed or
// handled, never while a client is slow. Requests are parsed strictly (request_reader.h), every
// phase of a connection has a deadline, and connections are capped.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/http/http_types.h"
#include "mocks/server/connection.h"

namespace opsreg::mocks {

class HttpServer {
 public:
  using Handler = std::function<http::Response(const http::Request&)>;

  struct Options {
    // Threads that parse and handle requests: as many handlers as may run at once.
    size_t threads = 16;
    // Open connections at most; a connection over it is closed as soon as it is accepted.
    size_t max_connections = 10000;
    std::chrono::milliseconds header_timeout{10000};
    std::chrono::milliseconds idle_timeout{5000};
    std::chrono::milliseconds progress_timeout{30000};
    RequestLimits limits;
    // The largest body a request with this head may carry (empty: limits.body_bytes).
    std::function<size_t(const http::Request& head)> body_limit;
    // The answer to a body over its limit, in the protocol of the service it was sent to
    // (empty: a bare 413).
    std::function<http::Response(const http::Request& head)> too_large;
  };

  // `handler` is called on the server's threads; it must be thread-safe.
  explicit HttpServer(Handler handler);
  HttpServer(Handler handler, Options options);
  ~HttpServer();  // stops
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds 127.0.0.1:`port` (0: any free port) and serves on background threads. Returns the
  // bound port, or -1 when the port cannot be bound.
  int start(int port = 0);
  // Stops serving: waits for handlers that are running, then closes every connection.
  void stop();
  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // Connections open now (for tests and the soak check).
  size_t connections() const;

 private:
  // The first thread also sweeps expired connections.
  void serve_events(bool sweeper);
  void accept_all();
  void serve(uint64_t id);
  void sweep();
  void close_connection(uint64_t id, Connection& c);
  void watch(uint64_t id, int fd, uint32_t events, bool add);

  ConnectionPolicy policy_;
  Options options_;
  int port_ = -1;
  int listen_fd_ = -1;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> accept_paused_{false};
  std::vector<std::thread> threads_;
  mutable std::mutex mu_;  // guards connections_ and next_id_
  std::unordered_map<uint64_t, std::shared_ptr<Connection>> connections_;
  uint64_t next_id_ = 2;  // 0: the listening socket, 1: the wake-up descriptor
};

}  // namespace opsreg::mocks
