// The SDK "standard" retry mode through AwsClient with a scripted transport: throttling
// and transient errors are retried up to 3 attempts with full-jitter exponential backoff
// (no real waits: a recording sleeper); other errors are returned at once.
#include <gtest/gtest.h>

#include <deque>

#include "core/aws/error_wire.h"
#include "core/clients/aws_client.h"

namespace opsreg {
namespace {

using clients::AwsClient;
using clients::ClientDeps;

// Answers with queued responses (or transport errors) and records what was sent.
class ScriptedTransport final : public http::Transport {
 public:
  Result<http::Response> send(const http::Url& endpoint, const http::Request& request) override {
    sent.push_back(request);
    origins.push_back(endpoint.origin());
    if (script.empty()) return http::Response{200, {}, "{}"};
    Result<http::Response> next = script.front();
    script.pop_front();
    return next;
  }
  void error(aws::Protocol p, const std::string& code, int status) {
    aws::WireError w = aws::render_error(p, aws::make_error(code, code + " message", status), "r");
    script.push_back(http::Response{w.status, {{"Content-Type", w.content_type}}, w.body});
  }
  void ok(const std::string& body = "{}") { script.push_back(http::Response{200, {}, body}); }
  void drop() {
    script.push_back(aws::make_error("EndpointConnectionError", "Could not connect", 0));
  }

  std::deque<Result<http::Response>> script;
  std::vector<http::Request> sent;
  std::vector<std::string> origins;
};

struct Harness {
  explicit Harness(std::string url = "http://127.0.0.1:4566", double jitter = 0.5) {
    transport = std::make_shared<ScriptedTransport>();
    clock = std::make_shared<VirtualClock>(TimePoint(std::chrono::seconds(1767225600)));
    ClientDeps deps;
    deps.transport = transport;
    deps.clock = clock;
    deps.sleeper = [this](std::chrono::milliseconds d) {
      delays.push_back(d);
      clock->advance(d);
    };
    deps.random = [jitter] { return jitter; };
    deps.debug = [this](const clients::DebugEvent& e) { events.push_back(e); };
    config::ServiceConfig config;
    config.service = config::Service::kOpsWorks;
    config.signing_name = "opsworks";
    config.region = "us-east-1";
    config.endpoint = {std::move(url), "us-east-1", "flag"};
    config.credentials = {"AKIDTEST", "secret", "session-token"};
    auto c = AwsClient::create(config, deps);
    if (!c.ok()) throw std::runtime_error(c.error().message);
    client = std::make_unique<AwsClient>(std::move(c.value()));
  }
  Result<nlohmann::json> call() {
    return client->call_json("OpsWorks_20130218.DescribeStacks", nlohmann::json::object());
  }

  std::shared_ptr<ScriptedTransport> transport;
  std::shared_ptr<VirtualClock> clock;
  std::vector<std::chrono::milliseconds> delays;
  std::vector<clients::DebugEvent> events;
  std::unique_ptr<AwsClient> client;
};

using std::chrono::milliseconds;

TEST(ClientsRetry, ThrottlingThenSuccessIsRetried) {
  Harness h;
  h.transport->error(aws::Protocol::kJson, "ThrottlingException", 400);
  h.transport->ok(R"({"Stacks":[]})");
  auto r = h.call();
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(h.transport->sent.size(), 2u);
  ASSERT_EQ(h.delays.size(), 1u);
  EXPECT_EQ(h.delays[0], milliseconds(500)) << "rand 0.5 × 2^0 s";
}

TEST(ClientsRetry, AtMostThreeAttemptsThenTheLastError) {
  Harness h;
  for (int i = 0; i < 5; ++i) h.transport->error(aws::Protocol::kJson, "ThrottlingException", 400);
  auto r = h.call();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "ThrottlingException");
  EXPECT_EQ(h.transport->sent.size(), 3u);
  EXPECT_EQ(h.delays, (std::vector<milliseconds>{milliseconds(500), milliseconds(1000)}));
}

TEST(ClientsRetry, NonRetryableErrorIsReturnedAtOnce) {
  Harness h;
  h.transport->error(aws::Protocol::kJson, "ResourceNotFoundException", 400);
  auto r = h.call();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "ResourceNotFoundException");
  EXPECT_EQ(h.transport->sent.size(), 1u);
  EXPECT_TRUE(h.delays.empty());
}

TEST(ClientsRetry, AccessDeniedIsNotRetried) {
  Harness h;
  h.transport->error(aws::Protocol::kJson, "AccessDeniedException", 400);
  EXPECT_FALSE(h.call().ok());
  EXPECT_EQ(h.transport->sent.size(), 1u);
}

TEST(ClientsRetry, ServerErrorsAndConnectionErrorsAreTransient) {
  Harness h;
  h.transport->error(aws::Protocol::kJson, "InternalFailure", 500);
  h.transport->drop();
  h.transport->ok();
  EXPECT_TRUE(h.call().ok());
  EXPECT_EQ(h.transport->sent.size(), 3u);
}

TEST(ClientsRetry, Http503WithoutBodyIsRetried) {
  Harness h;
  h.transport->script.push_back(http::Response{503, {}, ""});
  h.transport->ok();
  EXPECT_TRUE(h.call().ok());
  EXPECT_EQ(h.transport->sent.size(), 2u);
}

TEST(ClientsRetry, BadRequestStatusWithoutRetryableCodeIsNotRetried) {
  Harness h;
  h.transport->error(aws::Protocol::kJson, "ValidationException", 400);
  EXPECT_FALSE(h.call().ok());
  EXPECT_EQ(h.transport->sent.size(), 1u);
}

TEST(ClientsRetry, EveryThrottlingAndTransientCodeIsRecognised) {
  for (const char* code :
       {"Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException",
        "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
        "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException", "RequestTimeout", "RequestTimeoutException"})
    EXPECT_TRUE(clients::is_retryable(aws::make_error(code, "", 400))) << code;
  EXPECT_FALSE(clients::is_retryable(aws::make_error("LimitExceeded", "", 409)))
      << "IAM's LimitExceeded (a quota) is not LimitExceededException";
  EXPECT_FALSE(clients::is_retryable(aws::make_error("EntityAlreadyExists", "", 409)));
  EXPECT_TRUE(clients::is_retryable(aws::make_error("Anything", "", 502)));
  EXPECT_TRUE(clients::is_retryable(aws::make_error("Anything", "", 504)));
  EXPECT_FALSE(clients::is_retryable(aws::make_error("Anything", "", 501)));
}

TEST(ClientsRetry, BackoffIsFullJitterExponentialCappedAtTwentySeconds) {
  clients::RetryPolicy p;
  EXPECT_EQ(p.delay(1, 0.0), milliseconds(0));
  EXPECT_EQ(p.delay(1, 0.999), milliseconds(999));
  EXPECT_EQ(p.delay(2, 0.999), milliseconds(1998));
  EXPECT_EQ(p.delay(3, 0.5), milliseconds(2000));
  EXPECT_EQ(p.delay(10, 0.5), milliseconds(20000)) << "0.5 × 512 s is capped";
  EXPECT_EQ(p.delay(10, 0.01), milliseconds(5120));
}

TEST(ClientsRetry, DelaysStayWithinJitterBoundsWithTheRealRandom) {
  clients::Random random = clients::system_random();
  clients::RetryPolicy p;
  for (int attempt = 1; attempt <= 6; ++attempt) {
    for (int i = 0; i < 200; ++i) {
      milliseconds d = p.delay(attempt, random());
      EXPECT_GE(d, milliseconds(0));
      EXPECT_LE(d, std::min(milliseconds(1000LL << (attempt - 1)), milliseconds(20000)));
    }
  }
}

TEST(ClientsRetry, EachAttemptIsSignedAfreshAtTheClockTime) {
  Harness h("http://127.0.0.1:4566", 0.9);
  h.transport->error(aws::Protocol::kJson, "ThrottlingException", 400);
  h.transport->ok();
  ASSERT_TRUE(h.call().ok());
  ASSERT_EQ(h.transport->sent.size(), 2u);
  EXPECT_EQ(h.transport->sent[0].header("X-Amz-Date"), "20260101T000000Z");
  EXPECT_EQ(h.transport->sent[1].header("X-Amz-Date"), "20260101T000000Z")
      << "0.9 s later is the same second";
  EXPECT_NE(h.transport->sent[0].header("Authorization"), "");
}

TEST(ClientsRetry, RetryQuotaStopsRetriesWhenExhausted) {
  Harness h;
  // 500 tokens at 5 per retry: 100 retries, then calls fail without retrying.
  for (int i = 0; i < 100; ++i) {
    h.transport->error(aws::Protocol::kJson, "ThrottlingException", 400);
    h.transport->error(aws::Protocol::kJson, "ValidationException", 400);
    EXPECT_FALSE(h.call().ok());
  }
  EXPECT_EQ(h.client->quota().available(), 0);
  h.transport->sent.clear();
  h.transport->error(aws::Protocol::kJson, "ThrottlingException", 400);
  EXPECT_FALSE(h.call().ok());
  EXPECT_EQ(h.transport->sent.size(), 1u) << "no quota left: not retried";
}

TEST(ClientsRetry, RequestCarriesHostTargetAndSignature) {
  Harness h("http://127.0.0.1:4566/prefix");
  ASSERT_TRUE(h.call().ok());
  const http::Request& r = h.transport->sent.at(0);
  EXPECT_EQ(r.path, "/prefix/");
  EXPECT_EQ(r.header("Host"), "127.0.0.1:4566");
  EXPECT_EQ(r.header("X-Amz-Target"), "OpsWorks_20130218.DescribeStacks");
  EXPECT_EQ(r.header("X-Amz-Security-Token"), "session-token");
  EXPECT_TRUE(r.header("Authorization")
                  .starts_with("AWS4-HMAC-SHA256 Credential=AKIDTEST/20260101/us-east-1/"
                               "opsworks/aws4_request"));
}

TEST(ClientsDebug, HookSeesRequestsResponsesAndRetriesWithSecretsRedacted) {
  Harness h;
  h.transport->error(aws::Protocol::kJson, "ThrottlingException", 400);
  h.transport->ok(R"({"AccessKey":{"SecretAccessKey":"wJalrXUtnFEMI/K7MDENG"}})");
  ASSERT_TRUE(h.call().ok());
  ASSERT_EQ(h.events.size(), 5u);  // request, response, retry, request, response
  EXPECT_EQ(h.events[2].kind, clients::DebugEvent::Kind::kRetry);
  EXPECT_EQ(h.events[2].delay, milliseconds(500));
  for (const auto& e : h.events) {
    std::string all = clients::format_debug_event(e);
    EXPECT_EQ(all.find("session-token"), std::string::npos) << all;
    EXPECT_EQ(all.find("wJalrXUtnFEMI"), std::string::npos) << all;
  }
  std::string auth(aws::find_header(h.events[0].headers, "Authorization"));
  EXPECT_NE(auth.find("Credential=AKIDTEST/"), std::string::npos);
  EXPECT_NE(auth.find("Signature=REDACTED"), std::string::npos);
}

TEST(ClientsDebug, BodiesAreRedactedInEveryFormat) {
  using clients::redact_body;
  EXPECT_EQ(redact_body("<AccessKey><SecretAccessKey>abc/def</SecretAccessKey></AccessKey>"),
            "<AccessKey><SecretAccessKey>REDACTED</SecretAccessKey></AccessKey>");
  EXPECT_EQ(redact_body(R"({"SecretAccessKey": "a\"b", "x": 1})"),
            R"({"SecretAccessKey": "REDACTED", "x": 1})");
  EXPECT_EQ(redact_body("Action=X&Password=hunter2&y=1"), "Action=X&Password=REDACTED&y=1");
  EXPECT_EQ(redact_body(":secret_access_key: \"abc\"\n:stack_id: \"s\""),
            ":secret_access_key: REDACTED\n:stack_id: \"s\"");
  EXPECT_EQ(redact_body("<SessionToken>tok</SessionToken>"),
            "<SessionToken>REDACTED</SessionToken>");
}

}  // namespace
}  // namespace opsreg
