// The generic signed-call client: sign, send, parse errors, retry with backoff.
#include "core/clients/aws_client.h"

#include "core/aws/sigv4.h"
#include "core/util/json_bounded.h"

namespace opsreg::clients {

namespace {
constexpr const char* kUserAgent = "opsreg/0.1 (aws-cli-compatible)";

std::string error_text(const aws::Error& e) { return e.code + ": " + e.message; }

DebugEvent make_event(DebugEvent::Kind kind, const std::string& service, int attempt) {
  DebugEvent e;
  e.kind = kind;
  e.service = service;
  e.attempt = attempt;
  return e;
}
}  // namespace

ClientDeps ClientDeps::defaults(const http::TransportOptions& transport_options) {
  ClientDeps deps;
  deps.fill_missing(transport_options);
  return deps;
}

void ClientDeps::fill_missing(const http::TransportOptions& transport_options) {
  if (!transport) transport = std::make_shared<http::HttpTransport>(transport_options);
  if (!clock) clock = std::make_shared<SystemClock>();
  if (!sleeper) sleeper = system_sleeper();
  if (!random) random = system_random();
}

Result<AwsClient> AwsClient::create(config::ServiceConfig config, ClientDeps deps) {
  Result<http::Url> url = http::parse_url(config.endpoint.url);
  if (!url.ok()) return url.error();
  deps.fill_missing();
  return AwsClient(std::move(config), std::move(url.value()), std::move(deps));
}

AwsClient::AwsClient(config::ServiceConfig config, http::Url url, ClientDeps deps)
    : config_(std::move(config)),
      url_(std::move(url)),
      deps_(std::move(deps)),
      quota_(std::make_shared<RetryQuota>()) {}

Result<http::Response> AwsClient::attempt(const http::Request& request, aws::Protocol protocol,
                                          int attempt_number) {
  aws::SignableRequest s{request.method, request.path, request.query, request.headers,
                         request.body};
  aws::sign_request(s, config_.credentials, config_.endpoint.signing_region, config_.signing_name,
                    deps_.clock->now());
  http::Request signed_request = request;
  signed_request.headers = std::move(s.headers);

  const std::string& service = config_.signing_name;
  if (deps_.debug) {
    DebugEvent e = make_event(DebugEvent::Kind::kRequest, service, attempt_number);
    e.method = signed_request.method;
    e.url = url_.origin() + signed_request.path +
            (signed_request.query.empty() ? "" : "?" + signed_request.query);
    e.headers = redact_headers(signed_request.headers);
    e.body = redact_body(signed_request.body);
    deps_.debug(e);
  }
  Result<http::Response> res = deps_.transport->send(url_, signed_request);
  if (!res.ok()) {
    if (deps_.debug) {
      DebugEvent e = make_event(DebugEvent::Kind::kTransportError, service, attempt_number);
      e.error = error_text(res.error());
      deps_.debug(e);
    }
    return res.error();
  }
  if (deps_.debug) {
    DebugEvent e = make_event(DebugEvent::Kind::kResponse, service, attempt_number);
    e.status = res->status;
    e.headers = redact_headers(res->headers);
    e.body = redact_body(res->body);
    deps_.debug(e);
  }
  if (res->status >= 200 && res->status < 300) return res;
  return aws::parse_error(protocol, res->status, res->body);
}

Result<http::Response> AwsClient::call(http::Request request, aws::Protocol protocol) {
  request.path = url_.base_path + (request.path.empty() ? "/" : request.path);
  std::erase_if(request.headers, [](const auto& h) { return aws::iequals(h.first, "Host"); });
  request.headers.emplace_back("Host", url_.host_header());
  if (request.header("User-Agent").empty()) request.headers.emplace_back("User-Agent", kUserAgent);

  const int max_attempts = std::max(1, deps_.retry.max_attempts);
  int retry_cost = 0;
  for (int n = 1;; ++n) {
    Result<http::Response> res = attempt(request, protocol, n);
    if (res.ok()) {
      quota_->release(retry_cost);
      return res;
    }
    const aws::Error& err = res.error();
    if (n >= max_attempts || !is_retryable(err)) return res;
    int cost = 0;
    if (!quota_->acquire(err, &cost)) return res;
    retry_cost = cost;
    std::chrono::milliseconds delay = deps_.retry.delay(n, deps_.random());
    if (deps_.debug) {
      DebugEvent e = make_event(DebugEvent::Kind::kRetry, config_.signing_name, n);
      e.error = error_text(err);
      e.delay = delay;
      deps_.debug(e);
    }
    deps_.sleeper(delay);
  }
}

Result<http::Response> AwsClient::call_query(const std::string& action, const std::string& version,
                                             const aws::Params& params, aws::Protocol protocol) {
  aws::Params form;
  form.reserve(params.size() + 2);
  form.emplace_back("Action", action);
  form.emplace_back("Version", version);
  form.insert(form.end(), params.begin(), params.end());
  http::Request req;
  req.method = "POST";
  req.path = "/";
  req.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  req.body = aws::encode_query(form);
  return call(std::move(req), protocol);
}

Result<nlohmann::json> AwsClient::call_json(const std::string& target, const nlohmann::json& body) {
  http::Request req;
  req.method = "POST";
  req.path = "/";
  req.headers.emplace_back("Content-Type", "application/x-amz-json-1.1");
  req.headers.emplace_back("X-Amz-Target", target);
  req.body = body.dump();
  Result<http::Response> res = call(std::move(req), aws::Protocol::kJson);
  if (!res.ok()) return res.error();
  if (res->body.empty()) return nlohmann::json::object();
  nlohmann::json j = parse_json_bounded(res->body);
  if (j.is_discarded())
    return aws::make_error("MalformedResponse",
                           "The response from " + target + " is not valid JSON", res->status);
  return j;
}

}  // namespace opsreg::clients
