// The in-process transport: core request in, Edge::handle, core response out.
#include "mocks/agents/edge_transport.h"

namespace opsreg::mocks::agents {

Result<http::Response> EdgeTransport::send(const http::Url& endpoint,
                                           const http::Request& request) {
  http::Request in;
  in.method = request.method;
  in.path = request.path;
  in.query = request.query;
  in.headers = request.headers;
  if (request.header("Host").empty()) in.headers.emplace_back("Host", endpoint.host_header());
  in.body = request.body;
  in.remote_addr = "127.0.0.1";
  http::Response res = edge_.handle(in);
  if (res.drop_connection)
    return aws::make_error(std::string(http::kConnectionClosedError),
                           "Connection was closed before we received a valid response from "
                           "endpoint URL: \"" +
                               endpoint.host_header() + "\".",
                           0);
  return res;
}

}  // namespace opsreg::mocks::agents
