// The real HTTP(S) transport over cpp-httplib's client: one keep-alive connection per
// origin, TCP_NODELAY, timeouts, TLS peer and host verification.
#include "core/http/transport.h"

#include <httplib.h>

namespace opsreg::http {

struct HttpTransport::Connection {
  explicit Connection(const std::string& origin) : client(origin) {}
  httplib::Client client;  // serialises requests itself (one socket)
};

HttpTransport::HttpTransport(TransportOptions options) : options_(std::move(options)) {}

HttpTransport::~HttpTransport() = default;

HttpTransport::Connection& HttpTransport::connection_for(const Url& endpoint) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string origin = endpoint.origin();
  auto it = connections_.find(origin);
  if (it != connections_.end()) return *it->second;
  auto conn = std::make_unique<Connection>(origin);
  httplib::Client& c = conn->client;
  c.set_keep_alive(true);
  c.set_tcp_nodelay(true);
  c.set_url_encode(false);  // paths are percent-encoded already (and signed as such)
  c.set_follow_location(false);
  c.set_decompress(false);
  c.set_connection_timeout(options_.connect_timeout);
  c.set_read_timeout(options_.read_timeout);
  c.set_write_timeout(options_.read_timeout);
  if (endpoint.scheme == "https") {
    c.enable_server_certificate_verification(options_.verify_peer);
    c.set_ca_cert_path(options_.ca_bundle.empty() ? std::string(kSystemCaBundle)
                                                  : options_.ca_bundle);
  }
  Connection& ref = *conn;
  connections_.emplace(origin, std::move(conn));
  return ref;
}

Result<Response> HttpTransport::send(const Url& endpoint, const Request& request) {
  Connection& conn = connection_for(endpoint);
  httplib::Request req;
  req.method = request.method;
  req.path = request.path.empty() ? "/" : request.path;
  if (!request.query.empty()) req.path += "?" + request.query;
  for (const auto& [k, v] : request.headers) req.headers.emplace(k, v);
  if (!req.has_header("Host")) req.headers.emplace("Host", endpoint.host_header());
  req.body = request.body;
  if (!request.body.empty() && !req.has_header("Content-Type"))
    req.headers.emplace("Content-Type", "application/octet-stream");

  httplib::Result res = conn.client.send(req);
  std::string url = endpoint.origin() + req.path;
  if (!res) {
    httplib::Error err = res.error();
    // httplib has closed the socket; the next send reconnects.
    switch (err) {
      case httplib::Error::ConnectionTimeout:
        return aws::make_error(std::string(kConnectTimeoutError),
                               "Connect timeout on endpoint URL: \"" + url + "\"", 0);
      case httplib::Error::Connection:
      case httplib::Error::BindIPAddress:
        return aws::make_error(std::string(kEndpointConnectionError),
                               "Could not connect to the endpoint URL: \"" + url + "\"", 0);
      case httplib::Error::SSLConnection:
      case httplib::Error::SSLLoadingCerts:
      case httplib::Error::SSLServerVerification:
        return aws::make_error(
            std::string(kSslError),
            "SSL validation failed for " + url + " (" + httplib::to_string(err) + ")", 0);
      case httplib::Error::Read:
        return aws::make_error(std::string(kConnectionClosedError),
                               "Connection was closed before we received a valid response "
                               "from endpoint URL: \"" +
                                   url + "\".",
                               0);
      default:
        return aws::make_error(
            std::string(kConnectionClosedError),
            "An HTTP Client raised an unhandled exception: " + httplib::to_string(err), 0);
    }
  }
  Response out;
  out.status = res->status;
  out.body = std::move(res->body);
  out.headers.reserve(res->headers.size());
  for (const auto& [k, v] : res->headers) out.headers.emplace_back(k, v);
  return out;
}

}  // namespace opsreg::http
