// The fakes' loopback HTTP server: cpp-httplib on 127.0.0.1, every method and path handed to one
// handler as an http::Request, its http::Response written back, or the connection dropped when
// the response says so. The edge (with the admin API) and each metadata service run on one.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "core/http/http_types.h"

namespace httplib {
class Server;
}

namespace opsreg::mocks {

class HttpServer {
 public:
  using Handler = std::function<http::Response(const http::Request&)>;

  struct Options {
    // Worker threads: httplib parks one per open keep-alive connection, so enough for every
    // connection a client pool holds open at once.
    size_t threads = 64;
    // Seconds an idle keep-alive connection stays open; also bounds how long stop() waits.
    int keep_alive_seconds = 5;
    // Bodies over this size never reach the handler: the server answers 413 with
    // `too_large`'s response (empty: a bare 413).
    size_t max_body = 64 * 1024 * 1024;
    std::function<http::Response()> too_large;
  };

  // `handler` is called on the server's threads; it must be thread-safe.
  explicit HttpServer(Handler handler);
  HttpServer(Handler handler, Options options);
  ~HttpServer();  // stops
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds 127.0.0.1:`port` (0: any free port) and serves on a background thread. Returns the
  // bound port, or -1 when the port cannot be bound.
  int start(int port = 0);
  void stop();
  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  Handler handler_;
  Options options_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = -1;
};

}  // namespace opsreg::mocks
