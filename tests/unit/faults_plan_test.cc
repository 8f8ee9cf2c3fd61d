// The fault plan's rules: matching by service and operation, count/after/probability, the
// seeded draws (same seed, same hits), rule parsing and SSH host faults.
#include <gtest/gtest.h>

#include "mocks/faults/fault_plan.h"

namespace opsreg {
namespace {

using mocks::faults::FaultPlan;

std::vector<bool> errors_for(FaultPlan& plan, const std::string& op, int n) {
  std::vector<bool> out;
  for (int i = 0; i < n; ++i) out.push_back(plan.decide("iam", op).error.has_value());
  return out;
}

TEST(FaultPlan, CountFiresForTheFirstNMatchingRequestsOnly) {
  FaultPlan plan(1);
  ASSERT_TRUE(plan.add_json({{"service", "iam"},
                             {"operation", "CreateUser"},
                             {"error", "Throttling"},
                             {"count", 2}})
                  .ok());
  EXPECT_FALSE(plan.decide("iam", "ListUsers").any());   // other operation: not seen
  EXPECT_FALSE(plan.decide("sts", "CreateUser").any());  // other service
  EXPECT_EQ(errors_for(plan, "CreateUser", 4), (std::vector<bool>{true, true, false, false}));
  auto j = plan.to_json()["rules"][0];
  EXPECT_EQ(j["hits"], 2);
  EXPECT_EQ(j["seen"], 4);
  EXPECT_EQ(j["remaining"], 0);
}

TEST(FaultPlan, AfterLetsTheFirstMRequestsThrough) {
  FaultPlan plan(1);
  ASSERT_TRUE(plan.add_json({{"service", "iam"},
                             {"operation", "*"},
                             {"error", "InternalFailure"},
                             {"count", 1},
                             {"after", 2}})
                  .ok());
  EXPECT_EQ(errors_for(plan, "GetUser", 4), (std::vector<bool>{false, false, true, false}));
}

TEST(FaultPlan, NoCountFiresOnEveryMatchingRequest) {
  FaultPlan plan(1);
  ASSERT_TRUE(plan.add_json({{"service", "iam"}, {"error", "Throttling"}}).ok());
  EXPECT_EQ(errors_for(plan, "GetUser", 3), (std::vector<bool>{true, true, true}));
  EXPECT_TRUE(plan.to_json()["rules"][0]["remaining"].is_null());
}

TEST(FaultPlan, SameSeedGivesTheSameHits) {
  nlohmann::json rule = {{"service", "iam"}, {"error", "Throttling"}, {"probability", 0.5}};
  FaultPlan a(42), b(42), c(7);
  ASSERT_TRUE(a.add_json(rule).ok());
  ASSERT_TRUE(b.add_json(rule).ok());
  ASSERT_TRUE(c.add_json(rule).ok());
  std::vector<bool> hits_a = errors_for(a, "GetUser", 64);
  // Other traffic in between does not change b's draws for its rule.
  std::vector<bool> hits_b;
  for (int i = 0; i < 64; ++i) {
    b.decide("sts", "GetCallerIdentity");
    hits_b.push_back(b.decide("iam", "GetUser").error.has_value());
  }
  EXPECT_EQ(hits_a, hits_b);
  EXPECT_NE(hits_a, errors_for(c, "GetUser", 64));
  int fired = static_cast<int>(std::count(hits_a.begin(), hits_a.end(), true));
  EXPECT_GT(fired, 16);
  EXPECT_LT(fired, 48);
}

TEST(FaultPlan, ClearRestartsIdsSoTheSameRulesDrawTheSame) {
  nlohmann::json rule = {
      {"service", "ec2"}, {"error", "RequestLimitExceeded"}, {"probability", 0.3}};
  FaultPlan plan(9);
  ASSERT_TRUE(plan.add_json(rule).ok());
  std::vector<bool> first = errors_for(plan, "DescribeInstances", 0);
  for (int i = 0; i < 32; ++i)
    first.push_back(plan.decide("ec2", "DescribeInstances").error.has_value());
  plan.clear();
  EXPECT_TRUE(plan.to_json()["rules"].empty());
  ASSERT_TRUE(plan.add_json(rule).ok());
  std::vector<bool> second;
  for (int i = 0; i < 32; ++i)
    second.push_back(plan.decide("ec2", "DescribeInstances").error.has_value());
  EXPECT_EQ(first, second);
}

TEST(FaultPlan, LatencyAddsUpAndAnErrorEndsTheWalk) {
  FaultPlan plan(1);
  ASSERT_TRUE(
      plan.add_json(nlohmann::json::array(
                        {{{"service", "s3"}, {"latency", "2s"}},
                         {{"service", "s3"}, {"operation", "GetObject"}, {"latency", "500ms"}},
                         {{"service", "s3"}, {"drop_connection", true}, {"count", 1}},
                         {{"service", "s3"}, {"error", "SlowDown"}}}))
          .ok());
  auto first = plan.decide("s3", "GetObject");
  EXPECT_EQ(first.latency, std::chrono::milliseconds(2500));
  EXPECT_TRUE(first.drop_connection);
  EXPECT_FALSE(first.error);
  EXPECT_EQ(plan.to_json()["rules"][3]["seen"], 0);  // the drop ended the walk
  auto second = plan.decide("s3", "PutObject");
  EXPECT_EQ(second.latency, std::chrono::seconds(2));
  ASSERT_TRUE(second.error);
  EXPECT_EQ(second.error->code, "SlowDown");
  EXPECT_EQ(second.error->http_status, 503);
}

TEST(FaultPlan, ErrorDefaultsToAwsWordingAndStatus) {
  FaultPlan plan(1);
  ASSERT_TRUE(
      plan.add_json(nlohmann::json::array(
                        {{{"service", "iam"}, {"operation", "A"}, {"error", "Throttling"}},
                         {{"service", "iam"}, {"operation", "B"}, {"error", "InternalFailure"}},
                         {{"service", "iam"},
                          {"operation", "C"},
                          {"error", {{"code", "ServiceUnavailable"}, {"http_status", 502}}}},
                         {{"service", "iam"},
                          {"operation", "D"},
                          {"error", {{"code", "Custom"}, {"message", "custom words"}}}}}))
          .ok());
  auto a = *plan.decide("iam", "A").error;
  EXPECT_EQ(a.message, "Rate exceeded");
  EXPECT_EQ(a.http_status, 400);
  auto b = *plan.decide("iam", "B").error;
  EXPECT_EQ(b.http_status, 500);
  EXPECT_FALSE(b.sender_fault);
  auto c = *plan.decide("iam", "C").error;
  EXPECT_EQ(c.http_status, 502);
  EXPECT_EQ(c.message, "The request has failed due to a temporary failure of the server.");
  auto d = *plan.decide("iam", "D").error;
  EXPECT_EQ(d.message, "custom words");
  EXPECT_EQ(d.http_status, 400);
}

TEST(FaultPlan, BadRulesAreRefusedWholeNamingTheField) {
  FaultPlan plan(1);
  auto bad = [&](const nlohmann::json& j) {
    Status s = plan.add_json(j);
    return s.ok() ? std::string() : s.error().message;
  };
  EXPECT_NE(bad({{"service", "dynamodb"}, {"error", "Throttling"}}).find("\"service\""),
            std::string::npos);
  EXPECT_NE(bad({{"service", "iam"}}).find("exactly one of"), std::string::npos);
  EXPECT_NE(bad({{"service", "iam"}, {"error", "X"}, {"latency", "1s"}}).find("exactly one"),
            std::string::npos);
  EXPECT_NE(bad({{"service", "iam"}, {"latency", "soon"}}).find("\"latency\""), std::string::npos);
  EXPECT_NE(bad({{"service", "s3"}, {"status", 200}}).find("\"status\" must be an HTTP status"),
            std::string::npos);
  EXPECT_NE(bad({{"service", "iam"}, {"error", "X"}, {"probability", 2}}).find("probability"),
            std::string::npos);
  EXPECT_NE(bad({{"service", "iam"}, {"error", "X"}, {"cuont", 2}}).find("\"cuont\""),
            std::string::npos);
  EXPECT_NE(bad(nlohmann::json::array(
                    {{{"service", "iam"}, {"error", "X"}}, {{"service", "nope"}, {"error", "X"}}}))
                .find("faults[1]"),
            std::string::npos);
  EXPECT_TRUE(plan.to_json()["rules"].empty());  // all or nothing
}

TEST(FaultPlan, SshFaultsAreKeptPerHostAndMerged) {
  FaultPlan plan(1);
  ASSERT_TRUE(plan.add_json({{"host", "web-1"}, {"refuse", "connection"}}).ok());
  ASSERT_TRUE(plan.add_json({{"host", "web-1"}, {"slow", "5m"}}).ok());
  ASSERT_TRUE(plan.add_json({{"host", "db-1"}, {"disconnect_after_bytes", 10}}).ok());
  auto web = plan.host_faults("web-1");
  EXPECT_TRUE(web.refuse_connection);
  EXPECT_FALSE(web.refuse_all_auth);
  EXPECT_EQ(web.command_delay, std::chrono::minutes(5));
  EXPECT_EQ(plan.host_faults("db-1").disconnect_after_output_bytes, std::size_t{10});
  EXPECT_FALSE(plan.host_faults("other").refuse_connection);
  auto j = plan.to_json()["ssh"];
  EXPECT_EQ(j["web-1"]["refuse"], "connection");
  EXPECT_EQ(j["web-1"]["slow"], "300000ms");
  EXPECT_FALSE(plan.add_json({{"host", "web-1"}, {"refuse", "sometimes"}}).ok());
  ASSERT_TRUE(plan.add_json({{"host", "web-1"}, {"refuse", false}}).ok());
  EXPECT_FALSE(plan.host_faults("web-1").refuse_connection);
  plan.clear();
  EXPECT_EQ(plan.host_faults("db-1").disconnect_after_output_bytes, std::nullopt);
}

}  // namespace
}  // namespace opsreg
