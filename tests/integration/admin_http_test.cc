// The admin API over a real socket: a POST with no body at all (no Content-Length, as
// `curl -XPOST URL` sends it) is answered, the request log is read over HTTP, and so is the list
// of the operations each fake implements.
#include <gtest/gtest.h>

#include "mocks/edge/edge.h"
#include "tests/support/raw_http.h"
#include "tests/support/served_edge.h"

namespace opsreg {
namespace {

using AdminHttp = testing::ServedEdgeTest;

// Sends `raw` to 127.0.0.1:`port` and returns what comes back until the server closes the
// connection or `wait_ms` passes.
std::string exchange(int port, const std::string& raw, int wait_ms = 20000) {
  testing::RawConnection c(port);
  if (!c.send_all(raw)) return "";
  return c.read_to_close(std::chrono::milliseconds(wait_ms));
}

TEST_F(AdminHttp, ResetWithNoBodyAtAllIsAnswered) {
  testing::EdgeClient client(*tw.edge, tw.world->operator_credentials());
  ASSERT_EQ(client.query("iam", "CreateUser", {{"UserName", "temp"}}).status, 200);
  ASSERT_EQ(tw.harness->requests().list().size(), 1u);
  std::string answer = exchange(tw.harness->port(),
                                "POST /_opsreg/reset HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                "Connection: close\r\n\r\n");
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 200")) << answer;
  EXPECT_NE(answer.find("\"reset\":true"), std::string::npos) << answer;
  EXPECT_EQ(testing::error_code(client.query("iam", "GetUser", {{"UserName", "temp"}})),
            "NoSuchEntity");
  // The reset emptied the log; the GetUser just made is its only entry.
  ASSERT_EQ(tw.harness->requests().list().size(), 1u);
  EXPECT_EQ(tw.harness->requests().list()[0].operation, "GetUser");
}

TEST_F(AdminHttp, DeleteWithNoBodyAtAllIsAnswered) {
  std::string answer = exchange(tw.harness->port(),
                                "DELETE /_opsreg/faults HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                "Connection: close\r\n\r\n");
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 200")) << answer;
}

TEST_F(AdminHttp, RequestLogOverHttp) {
  testing::EdgeClient client(*tw.edge, tw.world->operator_credentials());
  client.query("iam", "CreateUser", {{"UserName", "alice"}});
  client.query("iam", "CreateUser", {{"UserName", "alice"}});  // EntityAlreadyExists
  auto r = http->Get("/_opsreg/requests?operation=CreateUser&ok=false");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  auto j = nlohmann::json::parse(r->body);
  ASSERT_EQ(j["requests"].size(), 1u);
  EXPECT_EQ(j["requests"][0]["error_code"], "EntityAlreadyExists");
  EXPECT_EQ(j["requests"][0]["identity"], "operator");
  EXPECT_EQ(j["requests"][0]["seq"], 2);
  // Admin requests are not the edge's: reading the log added nothing to it.
  EXPECT_EQ(tw.harness->requests().list().size(), 2u);
}

TEST_F(AdminHttp, OperationsListsWhatEachFakeImplements) {
  auto r = http->Get("/_opsreg/operations");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  auto j = nlohmann::json::parse(r->body)["operations"];
  for (const char* service : {"ec2", "iam", "opsworks", "s3", "sts"}) {
    ASSERT_TRUE(j.contains(service)) << r->body;
    EXPECT_EQ(j[service].get<std::vector<std::string>>(), mocks::operation_names(service));
  }
  EXPECT_EQ(j.size(), 5u) << r->body;
  EXPECT_NE(r->body.find("\"RegisterInstance\""), std::string::npos);
}

}  // namespace
}  // namespace opsreg
