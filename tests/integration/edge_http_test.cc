// The edge on a real loopback socket: the admin API (/_opsreg/), bad input answered with AWS's
// errors (malformed authorization, missing or unknown action, oversized body), and keep-alive.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <thread>
#include <vector>

#include "tests/support/served_edge.h"

namespace opsreg {
namespace {

using EdgeHttp = testing::ServedEdgeTest;

TEST_F(EdgeHttp, AdminWorldSnapshotHasNoSecrets) {
  auto r = http->Get("/_opsreg/world");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  auto j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["account_id"], "123456789012");
  EXPECT_EQ(r->body.find(tw.world->operator_credentials().secret_access_key), std::string::npos);
}

TEST_F(EdgeHttp, AdminClockAdvanceMovesTheWorldClock) {
  TimePoint before = tw.world->now();
  auto r = http->Post("/_opsreg/clock/advance", R"({"by":"16m"})", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(tw.world->now() - before, std::chrono::minutes(16));
  EXPECT_EQ(nlohmann::json::parse(r->body)["clock"], "2026-01-01T00:16:00.000Z");
}

TEST_F(EdgeHttp, AdminClockAdvanceWithoutDurationIsBadRequest) {
  auto r = http->Post("/_opsreg/clock/advance", R"({"by":"soon"})", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
}

TEST_F(EdgeHttp, AdminResetRestoresTheWorldFile) {
  testing::EdgeClient client(*tw.edge, tw.world->operator_credentials());
  ASSERT_EQ(client.query("iam", "CreateUser", {{"UserName", "temp"}}).status, 200);
  auto r = http->Post("/_opsreg/reset", "", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  http::Response get = client.query("iam", "GetUser", {{"UserName", "temp"}});
  EXPECT_EQ(testing::error_code(get), "NoSuchEntity");
  EXPECT_EQ(tw.edge->world()->edge_url(), tw.url());
}

TEST_F(EdgeHttp, UnknownAdminRouteIsNotFound) {
  auto r = http->Get("/_opsreg/nothing");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
}

TEST_F(EdgeHttp, MalformedAuthorizationIsIncompleteSignature) {
  // Unsigned-looking requests route by Host, as AWS routes by endpoint.
  httplib::Headers h = {{"Host", "sts.amazonaws.com"},
                        {"Authorization", "AWS4-HMAC-SHA256 Credential=AKIA/bad"},
                        {"X-Amz-Date", "20260101T000000Z"}};
  auto r = http->Post("/", h, "Action=GetCallerIdentity&Version=2011-06-15",
                      "application/x-www-form-urlencoded");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("<Code>IncompleteSignature</Code>"), std::string::npos) << r->body;
}

TEST(EdgeQuery, MissingActionIsMissingAction) {
  testing::TestWorld tw;
  testing::EdgeClient client(*tw.edge, tw.world->operator_credentials());
  http::Request req;
  req.method = "POST";
  req.path = "/";
  req.body = "Version=2010-05-08";
  req.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  http::Response r = client.send(req, "iam");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "MissingAction");
}

TEST(EdgeQuery, UnknownActionIsInvalidAction) {
  testing::TestWorld tw;
  testing::EdgeClient client(*tw.edge, tw.world->operator_credentials());
  http::Response r = client.query("iam", "MakeMeAdmin");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "InvalidAction");
}

TEST(EdgeQuery, UnknownServiceInScopeIsRefused) {
  testing::TestWorld tw;
  testing::EdgeClient client(*tw.edge, tw.world->operator_credentials());
  http::Response r = client.query("lambda", "ListFunctions");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "InvalidAction");
}

TEST_F(EdgeHttp, OversizedBodyIsEntityTooLarge) {
  std::string body(64 * 1024 * 1024 + 1, 'x');
  auto r = http->Put("/bucket/key", body, "application/octet-stream");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_NE(r->body.find("<Code>EntityTooLarge</Code>"), std::string::npos);
}

TEST_F(EdgeHttp, KeepAliveConnectionServesManyRequests) {
  http->set_keep_alive(true);
  for (int i = 0; i < 50; ++i) {
    auto r = http->Get("/_opsreg/clock");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
  }
}

}  // namespace
}  // namespace opsreg

namespace opsreg {
namespace {

// A burst of clients opening connections at once must all be served: httplib's own listen
// backlog of 5 drops handshakes (regression: 16 benchmark clients timed out).
TEST(EdgeHttpBurst, SixtyFourConnectionsOpenedAtOnceAreAllServed) {
  testing::TestWorld tw(nlohmann::json(), testing::Serving::kLoopback);
  constexpr int kClients = 64;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&] {
      httplib::Client c("127.0.0.1", tw.harness->port());
      c.set_connection_timeout(2);
      c.set_read_timeout(2);
      auto r = c.Get("/_opsreg/clock");
      if (r && r->status == 200) ok++;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), kClients);
}

}  // namespace
}  // namespace opsreg
