// Sends HTTP(S) requests to an endpoint: an interface (tests inject fakes) and the real
// transport over cpp-httplib with keep-alive per endpoint, TCP_NODELAY, timeouts and TLS
// peer verification against the system CA store (or AWS_CA_BUNDLE).
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/http/http_types.h"
#include "core/util/result.h"

namespace opsreg::http {

// Error codes a transport returns (http_status 0), as botocore names the conditions.
inline constexpr std::string_view kEndpointConnectionError = "EndpointConnectionError";
inline constexpr std::string_view kConnectTimeoutError = "ConnectTimeoutError";
inline constexpr std::string_view kReadTimeoutError = "ReadTimeoutError";
inline constexpr std::string_view kConnectionClosedError = "ConnectionClosedError";
inline constexpr std::string_view kSslError = "SSLError";

// The system CA store used when no bundle is configured.
inline constexpr std::string_view kSystemCaBundle = "/etc/ssl/certs/ca-certificates.crt";

class Transport {
 public:
  virtual ~Transport() = default;
  // Sends `request` to `endpoint` and returns whatever HTTP response came back (any status).
  // An error result means no response: connection refused or reset, timeout, TLS failure.
  // Thread-safe.
  virtual Result<Response> send(const Url& endpoint, const Request& request) = 0;
};

struct TransportOptions {
  std::chrono::milliseconds connect_timeout{60000};  // botocore's default: 60 s each
  std::chrono::milliseconds read_timeout{60000};
  // PEM bundle of trusted CAs; empty means the system store
  // (/etc/ssl/certs/ca-certificates.crt). The environment layer passes AWS_CA_BUNDLE here.
  std::string ca_bundle;
  bool verify_peer = true;  // --no-verify-ssl turns this off
};

// The real transport. Keeps one keep-alive connection per endpoint origin and reuses it;
// concurrent calls to one origin are serialised on it.
class HttpTransport final : public Transport {
 public:
  explicit HttpTransport(TransportOptions options = {});
  ~HttpTransport() override;
  HttpTransport(const HttpTransport&) = delete;
  HttpTransport& operator=(const HttpTransport&) = delete;

  Result<Response> send(const Url& endpoint, const Request& request) override;

 private:
  struct Connection;
  Connection& connection_for(const Url& endpoint);

  TransportOptions options_;
  std::mutex mu_;                                                   // guards connections_
  std::map<std::string, std::unique_ptr<Connection>> connections_;  // by origin
};

}  // namespace opsreg::http
