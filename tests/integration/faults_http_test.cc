// Faults on the real edge socket: a dropped connection closes it with no status line (a raw
// socket reads end-of-stream), the server keeps serving, and the admin API adds, lists and
// clears rules.
#include <gtest/gtest.h>
#include <httplib.h>

#include "tests/support/raw_http.h"
#include "tests/support/served_edge.h"

namespace opsreg {
namespace {

class FaultsHttp : public testing::ServedEdgeTest {
 protected:
  // Sends `raw` on a fresh connection and returns everything read until the server closes.
  std::string raw_exchange(const std::string& raw) {
    testing::RawConnection c(tw.harness->port());
    EXPECT_TRUE(c.send_all(raw));
    return c.read_to_close(std::chrono::seconds(30));
  }
};

// An unsigned S3 GET of the public agent installer: no signing needed on a raw socket.
std::string installer_get(const mocks::World& world) {
  return "GET /" + world.agent_installer().bucket + "/" + world.agent_installer().key +
         " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
}

TEST_F(FaultsHttp, DroppedConnectionClosesWithoutAStatusLine) {
  ASSERT_TRUE(tw.world->faults()
                  .add_json({{"service", "s3"},
                             {"operation", "GetObject"},
                             {"drop_connection", true},
                             {"count", 1}})
                  .ok());
  EXPECT_EQ(raw_exchange(installer_get(*tw.world)), "");
  std::string second = raw_exchange(installer_get(*tw.world) + "");
  EXPECT_TRUE(second.starts_with("HTTP/1.1 ")) << second.substr(0, 80);
  EXPECT_EQ(tw.world->faults().to_json()["rules"][0]["hits"], 1);
}

TEST_F(FaultsHttp, HttplibClientSeesAConnectionErrorThenRecovers) {
  ASSERT_TRUE(tw.world->faults()
                  .add_json({{"service", "s3"}, {"drop_connection", true}, {"count", 1}})
                  .ok());
  std::string path =
      "/" + tw.world->agent_installer().bucket + "/" + tw.world->agent_installer().key;
  auto dropped = http->Get(path);
  EXPECT_FALSE(dropped);
  auto again = http->Get(path);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
}

TEST_F(FaultsHttp, AdminAddsListsAndClearsRules) {
  auto added =
      http->Post("/_opsreg/faults",
                 R"([{"service":"iam","operation":"CreateUser","error":"Throttling","count":2},
                              {"host":"onprem-web-1","refuse":"connection"}])",
                 "application/json");
  ASSERT_TRUE(added);
  EXPECT_EQ(added->status, 200) << added->body;
  testing::EdgeClient client(*tw.edge, tw.world->operator_credentials());
  EXPECT_EQ(testing::error_code(client.query("iam", "CreateUser", {{"UserName", "u"}})),
            "Throttling");
  auto listed = http->Get("/_opsreg/faults");
  ASSERT_TRUE(listed);
  auto plan = nlohmann::json::parse(listed->body);
  EXPECT_EQ(plan["rules"][0]["hits"], 1);
  EXPECT_EQ(plan["rules"][0]["remaining"], 1);
  EXPECT_EQ(plan["rules"][0]["error"]["code"], "Throttling");
  EXPECT_EQ(plan["ssh"]["onprem-web-1"]["refuse"], "connection");
  auto bad = http->Post("/_opsreg/faults", R"({"service":"iam"})", "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("exactly one of"), std::string::npos) << bad->body;
  auto unknown =
      http->Post("/_opsreg/faults", R"({"host":"nope","refuse":"auth"})", "application/json");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400);
  EXPECT_NE(unknown->body.find("no host named"), std::string::npos) << unknown->body;
  auto cleared = http->Delete("/_opsreg/faults");
  ASSERT_TRUE(cleared);
  EXPECT_EQ(cleared->status, 200);
  EXPECT_TRUE(nlohmann::json::parse(cleared->body)["rules"].empty());
  EXPECT_EQ(client.query("iam", "CreateUser", {{"UserName", "u"}}).status, 200);
}

}  // namespace
}  // namespace opsreg
