// The IMDS HTTP server: token issue and checks, then the metadata tree.
#include "mocks/imds/imds_server.h"

#include <charconv>

#include "mocks/ec2/identity.h"

namespace opsreg::mocks::imds {

namespace {

constexpr const char* kTtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";
constexpr const char* kTokenHeader = "X-aws-ec2-metadata-token";

http::Response reply(int status, std::string body, const char* content_type = "text/plain") {
  http::Response r;
  r.status = status;
  r.body = std::move(body);
  r.set_header("Content-Type", content_type);
  return r;
}

// IMDS's error pages are small HTML documents naming the status.
http::Response error_page(int status, const std::string& title) {
  return reply(status,
               "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n"
               "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n"
               "\t\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
               "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n"
               " <head>\n  <title>" +
                   std::to_string(status) + " - " + title + "</title>\n </head>\n <body>\n  <h1>" +
                   std::to_string(status) + " - " + title + "</h1>\n </body>\n</html>\n",
               "text/html");
}

}  // namespace

ImdsServer::ImdsServer(InstanceFacts facts, ImdsOptions options)
    : facts_(std::move(facts)), options_(std::move(options)), roles_(options_.role_credentials) {}

ImdsServer::~ImdsServer() = default;

TimePoint ImdsServer::now() const {
  return options_.now ? options_.now() : std::chrono::system_clock::now();
}

Result<std::unique_ptr<ImdsServer>> ImdsServer::start(const WorldHost& host, ImdsOptions options) {
  if (!host.ec2)
    return aws::make_error("ImdsSetupFailed", "imds: " + host.name + " is not an EC2 host", 0);
  InstanceFacts facts;
  facts.host = host;
  facts.account_id = options.account_id;
  facts.launch_time = options.launch_time;
  facts.identity_document = ec2::identity_document(host, options.account_id, options.launch_time);
  auto signature =
      options.identity_key_pem.empty()
          ? ec2::sign_identity_document(facts.identity_document)
          : ec2::sign_identity_document(facts.identity_document, options.identity_key_pem);
  if (!signature.ok()) return signature.error();
  facts.identity_signature = *signature;
  std::unique_ptr<ImdsServer> s(new ImdsServer(std::move(facts), std::move(options)));
  // A metadata service has one client at a time (the host's agent or CLI) and answers at once:
  // one thread serves all its connections.
  HttpServer::Options server_options;
  server_options.threads = 1;
  server_options.idle_timeout = std::chrono::seconds(1);
  ImdsServer* raw = s.get();
  s->server_ = std::make_unique<HttpServer>(
      [raw](const http::Request& request) { return raw->handle(request); }, server_options);
  if (s->server_->start(0) < 0)
    return aws::make_error("ImdsSetupFailed", "imds: cannot listen on 127.0.0.1", 0);
  return s;
}

http::Response ImdsServer::handle(const http::Request& request) {
  if (request.method == "PUT" && request.path == "/latest/api/token") {
    // IMDS refuses token requests that went through a proxy.
    if (!request.header("X-Forwarded-For").empty()) return error_page(403, "Forbidden");
    std::string_view ttl_text = request.header(kTtlHeader);
    int ttl = 0;
    auto [ptr, ec] = std::from_chars(ttl_text.data(), ttl_text.data() + ttl_text.size(), ttl);
    if (ttl_text.empty() || ec != std::errc() || ptr != ttl_text.data() + ttl_text.size() ||
        ttl < TokenStore::kMinTtlSeconds || ttl > TokenStore::kMaxTtlSeconds)
      return error_page(400, "Bad Request");
    http::Response r = reply(200, tokens_.issue(std::chrono::seconds(ttl), now()));
    r.headers.emplace_back(kTtlHeader, std::to_string(ttl));
    return r;
  }
  if (request.method != "GET" && request.method != "HEAD")
    return error_page(405, "Method Not Allowed");
  std::string token(request.header(kTokenHeader));
  if (token.empty() || !tokens_.valid(token, now())) return error_page(401, "Unauthorized");
  MetadataReply m = metadata_get(facts_, request.path, roles_, now());
  if (m.status == 404) return error_page(404, "Not Found");
  return reply(m.status, std::move(m.body));
}

}  // namespace opsreg::mocks::imds
