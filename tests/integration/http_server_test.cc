// The loopback HTTP server under clients that misbehave: slow heads, idle and slow-reading
// clients, too many connections, pipelining, 100-continue, oversized bodies, throwing handlers,
// dropped connections. Each case also checks that a well-behaved client is served meanwhile.
#include "mocks/server/http_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

#include "tests/support/raw_http.h"

namespace opsreg::mocks {
namespace {

using std::chrono::milliseconds;
using testing::RawConnection;

// Echoes the method, path and body; "/throw" throws, "/drop" drops the connection, "/big"
// answers 8 MiB.
http::Response echo(const http::Request& r) {
  if (r.path == "/throw") throw std::runtime_error("secret detail");
  http::Response res;
  if (r.path == "/drop") {
    res.drop_connection = true;
    return res;
  }
  if (r.path == "/big") {
    res.body.assign(8 * 1024 * 1024, 'x');
    return res;
  }
  if (r.method == "HEAD") res.set_header("Content-Length", "42");
  res.body = r.method + " " + r.path + " " + r.body;
  return res;
}

const std::string kGet = "GET /ok HTTP/1.1\r\nHost: h\r\n\r\n";

class HttpServerTest : public ::testing::Test {
 protected:
  void start(HttpServer::Options options) {
    server_ = std::make_unique<HttpServer>(echo, options);
    ASSERT_GT(server_->start(0), 0);
  }
  int port() const { return server_->port(); }
  // A well-behaved client's answer arrives within a second.
  void expect_served() {
    RawConnection c(port());
    ASSERT_TRUE(c.send_all(kGet));
    std::string got = c.read_responses(1, milliseconds(1000));
    EXPECT_NE(got.find("GET /ok"), std::string::npos) << got;
  }
  std::unique_ptr<HttpServer> server_;
};

TEST_F(HttpServerTest, SlowHeadsNeitherHoldThreadsNorDelayOthers) {
  HttpServer::Options options;
  options.threads = 2;
  start(options);
  std::vector<RawConnection> slow;
  for (int i = 0; i < 1000; ++i) {
    slow.emplace_back(port());
    ASSERT_TRUE(slow.back().connected());
    ASSERT_TRUE(slow.back().send_all("GET /slow HTTP/1.1\r\nHost: h\r\nX-1: a\r\n"));
  }
  for (int round = 0; round < 3; ++round) {
    for (auto& c : slow) ASSERT_TRUE(c.send_all("X-more: b\r\n"));
    expect_served();
  }
  EXPECT_GE(server_->connections(), 1000u);
}

TEST_F(HttpServerTest, AHeadThatNeverEndsIsAnswered408AndClosed) {
  HttpServer::Options options;
  options.header_timeout = milliseconds(200);
  start(options);
  RawConnection c(port());
  ASSERT_TRUE(c.send_all("GET / HTTP/1.1\r\nHost: h\r\n"));
  std::string got = c.read_to_close(milliseconds(10000));
  EXPECT_TRUE(got.starts_with("HTTP/1.1 408 Request Timeout\r\n")) << got;
  EXPECT_TRUE(c.closed());
  expect_served();
}

TEST_F(HttpServerTest, TrickledBytesDoNotExtendTheHeadDeadline) {
  HttpServer::Options options;
  options.header_timeout = milliseconds(300);
  start(options);
  RawConnection c(port());
  ASSERT_TRUE(c.send_all("GET / HTTP/1.1\r\n"));
  auto started = std::chrono::steady_clock::now();
  // One more field every 50 ms: each byte is progress, but the head as a whole is late.
  while (!c.closed() && std::chrono::steady_clock::now() - started < milliseconds(10000)) {
    c.send_all("X: y\r\n");
    c.read_to_close(milliseconds(50));
  }
  EXPECT_TRUE(c.closed());
}

TEST_F(HttpServerTest, AnIdleConnectionIsClosed) {
  HttpServer::Options options;
  options.idle_timeout = milliseconds(100);
  start(options);
  RawConnection c(port());
  ASSERT_TRUE(c.send_all(kGet));
  c.read_responses(1, milliseconds(1000));
  c.read_to_close(milliseconds(10000));
  EXPECT_TRUE(c.closed());
}

TEST_F(HttpServerTest, ConnectionsOverTheCapAreClosedAtOnce) {
  HttpServer::Options options;
  options.max_connections = 5;
  start(options);
  std::vector<RawConnection> held;
  for (int i = 0; i < 5; ++i) {
    held.emplace_back(port());
    ASSERT_TRUE(held.back().send_all(kGet));
    held.back().read_responses(1, milliseconds(1000));
  }
  RawConnection over(port());
  over.send_all(kGet);
  EXPECT_EQ(over.read_to_close(milliseconds(10000)), "");
  held.clear();
  // The server notices the closed ones and has room again.
  bool served = false;
  for (int attempt = 0; attempt < 100 && !served; ++attempt) {
    RawConnection again(port());
    again.send_all(kGet);
    served = again.read_responses(1, milliseconds(100)).find("GET /ok") != std::string::npos;
  }
  EXPECT_TRUE(served);
}

TEST_F(HttpServerTest, PipelinedRequestsAreAnsweredInOrder) {
  start({});
  RawConnection c(port());
  ASSERT_TRUE(
      c.send_all("GET /1 HTTP/1.1\r\nHost: h\r\n\r\nPOST /2 HTTP/1.1\r\nHost: h\r\n"
                 "Content-Length: 2\r\n\r\nhiGET /3 HTTP/1.1\r\nHost: h\r\n"
                 "Connection: close\r\n\r\n"));
  std::string got = c.read_to_close(milliseconds(5000));
  size_t one = got.find("GET /1"), two = got.find("POST /2 hi"), three = got.find("GET /3");
  ASSERT_NE(three, std::string::npos) << got;
  EXPECT_LT(one, two);
  EXPECT_LT(two, three);
  EXPECT_NE(got.find("Connection: close"), std::string::npos);
}

TEST_F(HttpServerTest, ExpectContinueAsksForTheBody) {
  start({});
  RawConnection c(port());
  ASSERT_TRUE(
      c.send_all("PUT /k HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n"
                 "Expect: 100-continue\r\n\r\n"));
  EXPECT_EQ(c.read_responses(1, milliseconds(5000)), "HTTP/1.1 100 Continue\r\n\r\n");
  c.clear();
  ASSERT_TRUE(c.send_all("data"));
  EXPECT_NE(c.read_responses(1, milliseconds(5000)).find("PUT /k data"), std::string::npos);
}

TEST_F(HttpServerTest, ABodyOverTheLimitGetsTheTooLargeAnswerAndNoContinue) {
  HttpServer::Options options;
  options.body_limit = [](const http::Request& head) -> size_t {
    return head.path == "/small" ? 4 : 1024;
  };
  options.too_large = [](const http::Request& head) {
    http::Response r;
    r.status = 413;
    r.body = "too large for " + head.path;
    return r;
  };
  start(options);
  RawConnection c(port());
  ASSERT_TRUE(
      c.send_all("PUT /small HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n"
                 "Expect: 100-continue\r\n\r\n"));
  std::string got = c.read_to_close(milliseconds(5000));
  EXPECT_TRUE(got.starts_with("HTTP/1.1 413 Payload Too Large\r\n")) << got;
  EXPECT_NE(got.find("too large for /small"), std::string::npos);
  EXPECT_EQ(got.find("100 Continue"), std::string::npos);
  RawConnection fits(port());
  ASSERT_TRUE(fits.send_all("PUT /other HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"));
  EXPECT_NE(fits.read_responses(1, milliseconds(5000)).find("PUT /other hello"), std::string::npos);
}

TEST_F(HttpServerTest, MalformedRequestsAre400AndTheServerGoesOn) {
  start({});
  for (std::string bad :
       {"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n"
        "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\nX: a\rb\r\n\r\n"}) {
    RawConnection c(port());
    ASSERT_TRUE(c.send_all(bad));
    std::string got = c.read_to_close(milliseconds(5000));
    EXPECT_TRUE(got.starts_with("HTTP/1.1 400 Bad Request\r\n")) << got;
    EXPECT_TRUE(c.closed());
  }
  expect_served();
}

TEST_F(HttpServerTest, AThrowingHandlerIsABare500) {
  start({});
  RawConnection c(port());
  ASSERT_TRUE(c.send_all("GET /throw HTTP/1.1\r\nHost: h\r\n\r\n"));
  std::string got = c.read_responses(1, milliseconds(5000));
  EXPECT_TRUE(got.starts_with("HTTP/1.1 500 Internal Server Error\r\n")) << got;
  EXPECT_EQ(got.find("secret detail"), std::string::npos);
}

TEST_F(HttpServerTest, ADroppedConnectionEndsWithoutAStatusLine) {
  start({});
  RawConnection c(port());
  ASSERT_TRUE(c.send_all("GET /drop HTTP/1.1\r\nHost: h\r\n\r\n"));
  EXPECT_EQ(c.read_to_close(milliseconds(5000)), "");
  EXPECT_TRUE(c.closed());
}

TEST_F(HttpServerTest, HeadAnswersCarryTheLengthButNoBody) {
  start({});
  RawConnection c(port());
  ASSERT_TRUE(c.send_all("HEAD /k HTTP/1.1\r\nHost: h\r\n\r\n" + kGet));
  std::string got =
      c.read_until([](const std::string& s) { return s.find("GET /ok") != std::string::npos; },
                   milliseconds(5000));
  EXPECT_NE(got.find("Content-Length: 42\r\n"), std::string::npos) << got;
  // The next answer follows the first one's head at once: no body in between.
  EXPECT_EQ(got.find("HTTP/1.1 200 OK", 1), got.find("\r\n\r\n") + 4) << got;
}

TEST_F(HttpServerTest, AClientThatDoesNotReadHoldsNoThread) {
  HttpServer::Options options;
  options.threads = 1;
  start(options);
  RawConnection stalled(port());
  ASSERT_TRUE(stalled.send_all("GET /big HTTP/1.1\r\nHost: h\r\n\r\n"));
  // The answer has begun (and cannot all fit the socket buffers): the thread has moved on.
  ASSERT_FALSE(
      stalled.read_until([](const std::string& s) { return !s.empty(); }, milliseconds(5000))
          .empty());
  expect_served();
}

}  // namespace
}  // namespace opsreg::mocks
