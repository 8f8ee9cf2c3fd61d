// The edge on a real socket: cpp-httplib on 127.0.0.1, every method and path handed to the
// admin API or the Edge. Start with start(), stop with stop(); port 0 picks a free port.
#pragma once

#include <memory>
#include <string>
#include <thread>

#include "mocks/admin/admin_api.h"
#include "mocks/edge/edge.h"

namespace httplib {
class Server;
}

namespace opsreg::mocks {

class HttpServer {
 public:
  // `edge` must outlive the server.
  explicit HttpServer(Edge& edge);
  ~HttpServer();  // stops

  // Binds 127.0.0.1:`port` (0: any free port) and serves on a background thread. Returns the
  // bound port, or -1 when the port cannot be bound.
  int start(int port = 0);
  // Hooks for the admin API (/_opsreg/); set them before start().
  void set_admin_hooks(AdminHooks hooks) { admin_hooks_ = std::move(hooks); }
  void stop();
  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  Edge& edge_;
  AdminHooks admin_hooks_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = -1;
};

}  // namespace opsreg::mocks
