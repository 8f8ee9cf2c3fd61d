// The world's agents on the virtual clock (mocks/agents/agent_runner.h): a contact per host at
// every interval tick an advance passes, only the last threshold + 1 of a long advance, and
// the statuses that follow from the agents' credentials.
#include <gtest/gtest.h>

#include "mocks/admin/admin_api.h"
#include "tests/support/agent_fixture.h"

namespace opsreg::testing {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

class AgentRunnerTest : public AgentWorld {};

TEST_F(AgentRunnerTest, EveryRegisteredHostContactsAtEachTickPassed) {
  auto web = register_host("web-1");
  auto db = register_host("db-1");
  auto agents = runner();
  agents->advance(minutes(3));  // the world starts on a whole minute: ticks +1m, +2m, +3m
  EXPECT_EQ(agents->contacts_made(), 6);
  agents->advance(seconds(59));  // no tick passed
  EXPECT_EQ(agents->contacts_made(), 6);
  agents->advance(seconds(1));
  EXPECT_EQ(agents->contacts_made(), 8);
  // Each contact is in the host's agent log.
  std::ifstream in(web.root / "var/log/aws/opsworks/opsworks-agent.log");
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("[2026-01-01T00:04:00Z] INFO -- : Contact with OpsWorks as instance " +
                            web.instance_id + ": status registered"),
            std::string::npos)
      << text.str();
}

TEST_F(AgentRunnerTest, HostsWithoutAnAgentConfigMakeNoContact) {
  std::filesystem::path empty = std::filesystem::path(::testing::TempDir()) / "agent_runner_empty";
  std::filesystem::create_directories(empty);
  mocks::agents::AgentRunner agents(*tw.edge, [&] {
    return std::vector<mocks::agents::AgentSite>{{"bare", empty, {}}};
  });
  agents.advance(minutes(5));
  EXPECT_EQ(agents.contacts_made(), 0);
}

TEST_F(AgentRunnerTest, AdvancingTheClockMovesItByExactlyTheAmount) {
  register_host("web-1");
  auto agents = runner();
  TimePoint start = world().now();
  agents->advance(hours(2) + seconds(30) + std::chrono::microseconds(7));
  EXPECT_EQ(world().now() - start, hours(2) + seconds(30) + std::chrono::microseconds(7));
}

TEST_F(AgentRunnerTest, AgentWithAValidKeyStaysRegisteredThroughLongAdvances) {
  auto h = register_host("web-1");
  auto agents = runner();
  agents->advance(hours(1));
  EXPECT_EQ(status_of(h.instance_id), "registered");
  // Without the agents' contacts, the same hour would have lost the connection.
  world().advance(hours(1));
  EXPECT_EQ(status_of(h.instance_id), "connection_lost");
  agents->advance(minutes(1));  // the next tick's good contact restores it
  EXPECT_EQ(status_of(h.instance_id), "registered");
}

TEST_F(AgentRunnerTest, DeletedUserReadsConnectionLostAfterThreeMissedContacts) {
  auto h = register_host("web-1");
  auto agents = runner();
  agents->advance(minutes(10));
  delete_user(h);
  agents->advance(minutes(3));  // three refused contacts; the last good one is exactly 3m old
  EXPECT_EQ(status_of(h.instance_id), "registered");
  agents->advance(seconds(1));
  EXPECT_EQ(status_of(h.instance_id), "connection_lost");
}

TEST_F(AgentRunnerTest, NinetyDaysCostNoMoreContactsThanThresholdPlusOnePerHost) {
  auto good = register_host("web-1");
  auto gone = register_host("db-1");
  delete_user(gone);
  auto agents = runner();
  agents->advance(minutes(1));
  EXPECT_EQ(agents->contacts_made(), 2);
  int64_t before = agents->contacts_made();
  agents->advance(hours(24 * 90));
  EXPECT_LE(agents->contacts_made() - before, 2 * (3 + 1));
  EXPECT_EQ(status_of(good.instance_id), "registered");
  EXPECT_EQ(status_of(gone.instance_id), "connection_lost");
}

TEST_F(AgentRunnerTest, RotatedKeyWrittenIntoTheConfigKeepsTheAgentRegistered) {
  auto h = register_host("web-1");
  auto agents = runner();
  auto fresh = world().iam().create_access_key(h.user_name);
  ASSERT_TRUE(fresh.ok());
  ASSERT_TRUE(world().iam().delete_access_key(h.user_name, h.key.access_key_id).ok());
  auto config = agent::read_agent_config(h.host());
  ASSERT_TRUE(config.ok());
  (*config)["access_key_id"] = fresh->access_key_id;
  (*config)["secret_access_key"] = fresh->secret_access_key;
  ASSERT_TRUE(agent::write_agent_config(h.host(), *config).ok());
  agents->advance(hours(24 * 90));
  EXPECT_EQ(status_of(h.instance_id), "registered");
}

TEST_F(AgentRunnerTest, InstanceCredentialsOfTheSiteAreFetchedAtEverySimulatedTick) {
  auto h = register_host("web-1");
  auto config = agent::read_agent_config(h.host());
  config->erase("access_key_id");
  config->erase("secret_access_key");
  ASSERT_TRUE(agent::write_agent_config(h.host(), *config).ok());
  int fetched = 0;
  mocks::agents::AgentRunner agents(*tw.edge, [&] {
    agent::CredentialSource source = [&]() -> Result<aws::Credentials> {
      ++fetched;
      return h.key;
    };
    return std::vector<mocks::agents::AgentSite>{{h.name, h.root, source}};
  });
  agents.advance(hours(24 * 90));
  EXPECT_EQ(fetched, agents.contacts_made());
  EXPECT_EQ(fetched, 4);
  EXPECT_EQ(status_of(h.instance_id), "registered");
}

TEST_F(AgentRunnerTest, AdminClockAdvanceRunsTheAgentsThroughItsHook) {
  auto h = register_host("web-1");
  auto agents = runner();
  mocks::AdminHooks hooks;
  hooks.advance_clock = [&](std::chrono::microseconds by) { agents->advance(by); };
  http::Request req;
  req.method = "POST";
  req.path = "/_opsreg/clock/advance";
  req.body = R"({"by": "2h"})";
  auto r = mocks::handle_admin(*tw.edge, req, hooks);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(nlohmann::json::parse(r->body)["clock"], "2026-01-01T02:00:00.000Z");
  EXPECT_EQ(agents->contacts_made(), 4);
  EXPECT_EQ(status_of(h.instance_id), "registered");
}

TEST_F(AgentRunnerTest, RunDueMakesOneRoundWhenATickHasPassed) {
  register_host("web-1");
  register_host("db-1");
  auto agents = runner();
  EXPECT_EQ(agents->run_due(), 0);
  world().advance(seconds(90));
  EXPECT_EQ(agents->run_due(), 2);
  EXPECT_EQ(agents->run_due(), 0);
  world().advance(seconds(30));
  EXPECT_EQ(agents->run_due(), 2);
}

TEST_F(AgentRunnerTest, AFaultsClockJumpHasTheAgentsContactAtOnce) {
  auto h = register_host("web-1");
  auto agents = runner();
  tw.edge->set_clock_listener([&] { agents->run_due_if_idle(); });
  // A request answered 16 minutes late (latency fault): without a contact at the new time the
  // agent would read connection_lost until the next tick.
  ASSERT_TRUE(
      tw.world->faults()
          .add_json(
              {{"service", "iam"}, {"operation", "ListUsers"}, {"latency", "16m"}, {"count", 1}})
          .ok());
  http::Response r =
      EdgeClient(*tw.edge, tw.world->operator_credentials()).query("iam", "ListUsers");
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(agents->contacts_made(), 1);
  EXPECT_EQ(status_of(h.instance_id), "registered");
  tw.edge->set_clock_listener({});
}

TEST_F(AgentRunnerTest, TimerStopsAtOnceWithoutWaitingForItsTick) {
  auto agents = runner();
  agents->start_timer();
  agents->stop();
  agents->stop();
  EXPECT_EQ(agents->contacts_made(), 0);
}

class AgentRunnerRule : public AgentWorld {
 protected:
  AgentRunnerRule()
      : AgentWorld({{"agent_contact_interval", "10m"}, {"agent_missed_contacts", 2}}) {}
};

TEST_F(AgentRunnerRule, TicksFollowTheWorldsInterval) {
  auto h = register_host("web-1");
  auto agents = runner();
  agents->advance(minutes(25));
  EXPECT_EQ(agents->contacts_made(), 2);  // 00:10 and 00:20
  delete_user(h);
  agents->advance(minutes(15));  // 00:40 - 00:20 = 20m: not older than 2 × 10m
  EXPECT_EQ(status_of(h.instance_id), "registered");
  agents->advance(seconds(1));
  EXPECT_EQ(status_of(h.instance_id), "connection_lost");
}

}  // namespace
}  // namespace opsreg::testing
