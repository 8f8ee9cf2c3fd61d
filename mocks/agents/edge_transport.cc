// The in-process transport: core request in, Edge::handle, core response out.
#include "mocks/agents/edge_transport.h"

namespace opsreg::mocks::agents {

Result<http::HttpResponse> EdgeTransport::send(const http::Url& endpoint,
                                               const http::HttpRequest& request) {
  Request in;
  in.method = request.method;
  in.path = request.path;
  in.query = request.query;
  in.headers = request.headers;
  if (request.header("Host").empty()) in.headers.emplace_back("Host", endpoint.host_header());
  in.body = request.body;
  in.remote_addr = "127.0.0.1";
  Response res = edge_.handle(in);
  if (res.drop_connection)
    return aws::make_error(std::string(http::kConnectionClosedError),
                           "Connection was closed before we received a valid response from "
                           "endpoint URL: \"" +
                               endpoint.host_header() + "\".",
                           0);
  http::HttpResponse out;
  out.status = res.status;
  out.headers = res.headers;
  if (!res.content_type.empty()) out.headers.emplace_back("Content-Type", res.content_type);
  out.body = std::move(res.body);
  return out;
}

}  // namespace opsreg::mocks::agents
