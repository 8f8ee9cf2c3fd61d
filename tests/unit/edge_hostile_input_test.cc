// Hostile input to the in-process edge and its admin API: JSON nested 100000 deep (a JSON 1.1
// body, an IAM policy, an OpsWorks instance identity, an admin body), values of the wrong type
// and durations that would wrap the clock are answered as a client expects, never a crash; a
// world file's misspelt member is refused with the member it meant.
#include <gtest/gtest.h>

#include "core/clock/time_format.h"
#include "mocks/admin/admin_api.h"
#include "tests/support/edge_client.h"

namespace opsreg::testing {
namespace {

std::string deep(std::size_t depth = 100000) {
  std::string s;
  for (std::size_t i = 0; i < depth; ++i) s += "{\"a\":";
  s += "1";
  s += std::string(depth, '}');
  return s;
}

class EdgeHostileInput : public ::testing::Test {
 protected:
  http::Response admin(const std::string& method, const std::string& route,
                       const std::string& body) {
    http::Request r;
    r.method = method;
    r.path = "/_opsreg/" + route;
    r.body = body;
    return *mocks::handle_admin(*tw.edge, r, {});
  }
  std::string clock() { return format_iso8601(tw.world->now()); }
  TestWorld tw;
  EdgeClient op{*tw.edge, tw.world->operator_credentials()};
};

TEST_F(EdgeHostileInput, DeepJsonToTheAdminApiIsA400) {
  http::Response r = admin("POST", "faults", deep());
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(admin("GET", "faults", "").status, 200);
}

TEST_F(EdgeHostileInput, DeepJson11BodyIsASerializationException) {
  http::Request r;
  r.method = "POST";
  r.path = "/";
  r.headers.emplace_back("Content-Type", "application/x-amz-json-1.1");
  r.headers.emplace_back("X-Amz-Target", "OpsWorks_20130218.DescribeStacks");
  r.body = deep();
  http::Response answer = op.send(r, "opsworks");
  EXPECT_EQ(answer.status, 400);
  EXPECT_EQ(error_code(answer), "SerializationException");
}

TEST_F(EdgeHostileInput, DeepPolicyConditionIsAMalformedPolicyDocument) {
  ASSERT_EQ(op.query("iam", "CreateUser", {{"UserName", "deep"}}).status, 200);
  std::string policy =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
      "\"Resource\":\"*\",\"Condition\":" +
      deep(20000) + "}]}";  // 120 KB: within IAM's 131,072 characters, 20,000 levels deep
  http::Response r =
      op.query("iam", "PutUserPolicy",
               {{"UserName", "deep"}, {"PolicyName", "p"}, {"PolicyDocument", policy}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(error_code(r), "MalformedPolicyDocument");
}

TEST_F(EdgeHostileInput, DeepInstanceIdentityIsRefused) {
  http::Response stacks = op.json("DescribeStacks");
  std::string stack_id = nlohmann::json::parse(stacks.body)["Stacks"][0]["StackId"];
  http::Response r = op.json("RegisterInstance",
                             {{"StackId", stack_id},
                              {"Hostname", "deep"},
                              {"RsaPublicKey", "ssh-rsa AAAA"},
                              {"RsaPublicKeyFingerprint", "aa:bb"},
                              {"InstanceIdentity", {{"Document", deep()}, {"Signature", "x"}}}});
  EXPECT_EQ(r.status, 400) << r.body;
}

TEST_F(EdgeHostileInput, TheClockNeverWraps) {
  std::string before = clock();
  for (const char* by : {"90000d", "99999999999999999999d", "9223372036854775807ms"}) {
    http::Response r = admin("POST", "clock/advance", nlohmann::json{{"by", by}}.dump());
    EXPECT_EQ(r.status, 400) << by << " " << r.body;
  }
  EXPECT_EQ(clock(), before);
  EXPECT_EQ(admin("POST", "clock/advance", "{\"by\":\"36500d\"}").status, 200);
  EXPECT_EQ(clock(), "2125-12-08T00:00:00Z");  // 36500 days: 100 years less 24 leap days
  EXPECT_EQ(admin("POST", "clock/advance", "{\"by\":\"36500d\"}").status, 200);
  EXPECT_EQ(admin("POST", "clock/advance", "{\"by\":\"36500d\"}").status, 200);
  EXPECT_EQ(clock(), "2200-01-01T00:00:00Z");
}

TEST_F(EdgeHostileInput, AWrongTypeIsA400WithNoExceptionText) {
  for (auto [route, body] : std::vector<std::pair<std::string, std::string>>{
           {"clock/advance", "{\"by\":5}"},
           {"clock/advance", "[1]"},
           {"faults", "{\"operation\":5,\"latency\":\"1s\"}"}}) {
    http::Response r = admin("POST", route, body);
    EXPECT_EQ(r.status, 400) << route << " " << body << " " << r.body;
    EXPECT_TRUE(nlohmann::json::parse(r.body).contains("error")) << r.body;
    EXPECT_EQ(r.body.find("json.exception"), std::string::npos) << r.body;
    for (const auto& [k, v] : r.headers)
      EXPECT_EQ((k + v).find("exception"), std::string::npos) << k << ": " << v;
  }
}

TEST_F(EdgeHostileInput, FaultDelaysAreBounded) {
  http::Response r = admin("POST", "faults", "{\"service\":\"iam\",\"latency\":\"99999999999d\"}");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("latency"), std::string::npos) << r.body;
  EXPECT_EQ(admin("POST", "faults", "{\"service\":\"iam\",\"latency\":\"2h\"}").status, 400);
  EXPECT_EQ(admin("POST", "faults", "{\"service\":\"iam\",\"latency\":\"1h\"}").status, 200);
}

TEST(WorldFile, AnUnknownMemberIsRefusedWithTheNearest) {
  auto w =
      mocks::World::from_json({{"hostz", nlohmann::json::array()}}, mocks::ClockMode::kVirtual);
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.error().message.find("unknown member \"hostz\" (did you mean 'hosts'?)"),
            std::string::npos)
      << w.error().message;
}

}  // namespace
}  // namespace opsreg::testing
