// The in-process signing test client.
#include "tests/support/edge_client.h"

#include "core/aws/error_wire.h"

namespace opsreg::testing {

TestWorld::TestWorld(const nlohmann::json& world_json, Serving serving) {
  mocks::HarnessOptions options;
  options.serve = serving == Serving::kLoopback;
  options.hosts = false;
  auto started = world_json.is_null()
                     ? mocks::Harness::start_file(mocks::World::default_world_path(), options)
                     : mocks::Harness::start(world_json, options);
  if (!started.ok()) throw std::runtime_error("test world: " + started.error().message);
  harness = std::move(*started);
  world = harness->world();
  if (serving == Serving::kInProcess) world->set_edge_url("http://127.0.0.1:1");
  edge = &harness->edge();
}

EdgeClient::EdgeClient(mocks::Edge& edge, aws::Credentials creds, std::string region)
    : edge_(edge), creds_(std::move(creds)), region_(std::move(region)) {}

http::Response EdgeClient::send(http::Request request, const std::string& service) {
  request.headers.emplace_back("Host", "127.0.0.1:1");
  aws::SignableRequest s = request.signable();
  aws::sign_request(s, creds_, service == "iam" ? "us-east-1" : region_, service,
                    edge_.world()->now());
  request.headers = s.headers;
  return edge_.handle(request);
}

http::Response EdgeClient::query(const std::string& service, const std::string& action,
                                 const aws::Params& params, const std::string& version) {
  aws::QueryParams q;
  q.add("Action", action);
  q.add("Version", version);
  for (const auto& [k, v] : params) q.add(k, v);
  http::Request r;
  r.method = "POST";
  r.path = "/";
  r.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  r.body = q.encode();
  return send(std::move(r), service);
}

http::Response EdgeClient::json(const std::string& op, const nlohmann::json& body) {
  http::Request r;
  r.method = "POST";
  r.path = "/";
  r.headers.emplace_back("Content-Type", "application/x-amz-json-1.1");
  r.headers.emplace_back("X-Amz-Target", "OpsWorks_20130218." + op);
  r.body = body.dump();
  return send(std::move(r), "opsworks");
}

http::Response EdgeClient::rest(const std::string& method, const std::string& path,
                                const std::string& query, const std::string& body,
                                const aws::Headers& headers, const std::string& service) {
  http::Request r;
  r.method = method;
  r.path = path;
  r.query = query;
  r.headers = headers;
  r.body = body;
  return send(std::move(r), service);
}

std::string error_code(const http::Response& response) {
  bool json = response.header("Content-Type").find("json") != std::string::npos;
  if (response.status < 300) return "";
  aws::Error e = aws::parse_error(json ? aws::Protocol::kJson : aws::Protocol::kQuery,
                                  response.status, response.body);
  return e.code.starts_with("HTTP") ? "" : e.code;
}

std::string xml_text(const http::Response& response, const std::string& xpath) {
  pugi::xml_document doc;
  if (!doc.load_buffer(response.body.data(), response.body.size())) return "";
  pugi::xpath_node n = doc.select_node(xpath.c_str());
  return n ? n.node().child_value() : "";
}

}  // namespace opsreg::testing
