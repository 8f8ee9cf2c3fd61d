// A core http::Transport that hands each request to a mocks::Edge in-process (no socket):
// how the world's simulated agents reach the fake services whatever URL their config names.
#pragma once

#include "core/http/transport.h"
#include "mocks/edge/edge.h"

namespace opsreg::mocks::agents {

class EdgeTransport final : public http::Transport {
 public:
  // `edge` must outlive the transport. Every request goes to it, whatever the endpoint.
  explicit EdgeTransport(Edge& edge) : edge_(edge) {}

  Result<http::Response> send(const http::Url& endpoint, const http::Request& request) override;

 private:
  Edge& edge_;
};

}  // namespace opsreg::mocks::agents
