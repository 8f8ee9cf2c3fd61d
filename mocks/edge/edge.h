// The edge: one entry point for every fake AWS service. It routes a request to its service
// (SigV4 credential scope, X-Amz-Target, Host), authenticates it against the world, lets the
// service handle it and renders errors in the service's protocol. No sockets here: the HTTP
// server (http_server.h) and in-process callers both go through handle().
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "core/http/http_types.h"
#include "mocks/edge/request_log.h"
#include "mocks/services/service.h"

namespace opsreg::mocks {

class World;

// Sees every request the edge answered and what the edge made of it (every member of
// LoggedRequest but its sequence number): the harness's request log. Called on the serving
// thread; must be thread-safe.
using RequestObserver = std::function<void(const http::Request&, const LoggedRequest&)>;

class Edge {
 public:
  // Serves `world`, which must outlive the edge unless replaced with reset().
  explicit Edge(std::shared_ptr<World> world);
  ~Edge();

  // Answers one request. After routing and authentication it consults the world's fault plan
  // (world.faults(), mocks/faults/fault_plan.h) with the service's signing name and the
  // operation (operation_name.h): injected latency moves the world's clock forward before the
  // request is served (the answer comes as if it took that long; no real wait), an injected
  // error is rendered in the service's protocol instead of calling it, and a dropped connection
  // returns a Response with drop_connection set and nothing else.
  http::Response handle(const http::Request& request);

  // The answer to a request whose body is over the server's limit, given its head: S3's
  // EntityTooLarge, or RequestEntityTooLarge in the protocol of the service it addresses.
  http::Response too_large(const http::Request& head) const;

  // Installs the observer (empty: none). Set it before the edge serves requests.
  void set_observer(RequestObserver observer) { observer_ = std::move(observer); }

  // Moves the world's clock for time that passes inside a request or a command (a fault's
  // latency, a slow SSH host, a scenario client's retry backoff), then calls the clock listener:
  // `opsreg serve` and scenarios have their agents make the contacts the jump calls for.
  void advance_clock(std::chrono::microseconds by) const;
  // Installs the clock listener (empty: none). Set it before the edge serves requests.
  void set_clock_listener(std::function<void()> listener) { clock_listener_ = std::move(listener); }

  // The world now being served (reset() may replace it).
  std::shared_ptr<World> world() const;
  // Replaces the world (the admin API's reset).
  void reset(std::shared_ptr<World> world);

 private:
  http::Response respond(const http::Request& request, LoggedRequest* seen);
  Service* route(const http::Request& request, std::string_view signing_name) const;
  http::Response render(const Service& service, const aws::Error& error,
                        const http::Request& request, const std::string& request_id) const;

  std::vector<std::unique_ptr<Service>> services_;
  mutable std::mutex mu_;
  std::shared_ptr<World> world_;
  RequestObserver observer_;
  std::function<void()> clock_listener_;
};

// Every fake service the edge serves, one instance each (mocks/edge/services.cc).
std::vector<std::unique_ptr<Service>> make_services();

// The operations the fake of `signing_name` ("iam", "sts", "s3", "opsworks", "ec2") implements,
// sorted; empty for a service the edge does not serve. Made once, then kept.
const std::vector<std::string>& operation_names(std::string_view signing_name);
// Every served service's signing name with its operations (GET /_opsreg/operations).
const std::map<std::string, std::vector<std::string>, std::less<>>& served_operations();

}  // namespace opsreg::mocks
