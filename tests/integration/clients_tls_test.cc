// The HTTPS transport: peers verified against AWS_CA_BUNDLE or the system CA store, TLS
// refused for an untrusted certificate, and keep-alive connection reuse — against a local
// TLS server with the test certificate in fixtures/tls/.
#include <gtest/gtest.h>
#include <httplib.h>

#include <thread>

#include "core/clients/client_factory.h"
#include "core/http/transport.h"

namespace opsreg {
namespace {

const std::string kCert = std::string(OPSREG_SOURCE_DIR) + "/fixtures/tls/localhost.crt";
const std::string kKey = std::string(OPSREG_SOURCE_DIR) + "/fixtures/tls/localhost.key";

// A TLS server on 127.0.0.1:0 that answers every POST with a GetCallerIdentity result and
// every GET with the client's source port (to observe connection reuse).
class TlsServer {
 public:
  TlsServer() : server_(kCert.c_str(), kKey.c_str()) {
    server_.set_keep_alive_timeout(5);
    server_.Get(".*", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content(std::to_string(req.remote_port), "text/plain");
    });
    server_.Post(".*", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(
          "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:"
          "user/tls</Arn><UserId>AIDATLS</UserId><Account>111122223333</Account>"
          "</GetCallerIdentityResult></GetCallerIdentityResponse>",
          "text/xml");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();  // a condition, not a sleep
  }
  ~TlsServer() {
    server_.stop();
    thread_.join();
  }
  http::Url url() const { return http::parse_url(origin()).value(); }
  std::string origin() const { return "https://127.0.0.1:" + std::to_string(port_); }

 private:
  httplib::SSLServer server_;
  std::thread thread_;
  int port_ = -1;
};

http::Request get() {
  http::Request r;
  r.method = "GET";
  r.path = "/";
  return r;
}

TEST(ClientsTls, PeerTrustedThroughTheCaBundleIsAccepted) {
  TlsServer server;
  http::TransportOptions options;
  options.ca_bundle = kCert;
  http::HttpTransport t(options);
  auto r = t.send(server.url(), get());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, 200);
}

TEST(ClientsTls, SelfSignedPeerIsRefusedByTheSystemStore) {
  TlsServer server;
  http::HttpTransport t;
  auto r = t.send(server.url(), get());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "SSLError");
  EXPECT_EQ(r.error().http_status, 0);
}

TEST(ClientsTls, VerificationCanBeTurnedOff) {
  TlsServer server;
  http::TransportOptions options;
  options.verify_peer = false;
  http::HttpTransport t(options);
  EXPECT_TRUE(t.send(server.url(), get()).ok());
}

TEST(ClientsTls, ConnectionIsKeptAliveAndReused) {
  TlsServer server;
  http::TransportOptions options;
  options.ca_bundle = kCert;
  http::HttpTransport t(options);
  auto first = t.send(server.url(), get());
  auto second = t.send(server.url(), get());
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->body, second->body) << "same client port: one connection";
}

TEST(ClientsTls, AwsCaBundleReachesTheClientsTransport) {
  TlsServer server;
  std::map<std::string, std::string> vars = {
      {"HOME", "/nonexistent-opsreg-home"},  {"AWS_ACCESS_KEY_ID", "AKIDTLS"},
      {"AWS_SECRET_ACCESS_KEY", "secret"},   {"AWS_REGION", "us-east-1"},
      {"AWS_ENDPOINT_URL", server.origin()}, {"AWS_CA_BUNDLE", kCert}};
  auto env = config::AwsEnvironment::load({}, config::env_from_map(vars));
  ASSERT_TRUE(env.ok());
  clients::ClientFactory factory(*env.value());
  auto id = factory.sts().value().get_caller_identity();
  ASSERT_TRUE(id.ok()) << id.error().code << ": " << id.error().message;
  EXPECT_EQ(id->arn, "arn:aws:iam::111122223333:user/tls");

  vars.erase("AWS_CA_BUNDLE");
  auto untrusted = config::AwsEnvironment::load({}, config::env_from_map(vars));
  clients::ClientDeps deps;
  std::vector<std::chrono::milliseconds> delays;
  deps.sleeper = [&](std::chrono::milliseconds d) { delays.push_back(d); };
  clients::ClientFactory refusing(*untrusted.value(), deps);
  auto refused = refusing.sts().value().get_caller_identity();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "SSLError");
}

}  // namespace
}  // namespace opsreg
