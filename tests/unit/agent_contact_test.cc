// The agent's contact after registration (core/agent/agent_contact.h) against the fake
// OpsWorks: good with its config's key; refused once the key's user is deleted, the key is
// deleted or made inactive; instance-profile credentials fetched afresh when there is no key.
#include <gtest/gtest.h>

#include "tests/support/agent_fixture.h"

namespace opsreg::agent {
namespace {

class AgentContactTest : public testing::AgentWorld {
 protected:
  ContactOptions options() {
    ContactOptions o;
    o.deps = deps();
    o.log = [this](const std::string& line) { log.push_back(line); };
    return o;
  }
  std::vector<std::string> log;
};

TEST_F(AgentContactTest, ContactWithTheConfigsKeyIsGood) {
  auto h = register_host("web-1");
  auto r = agent_contact(h.host(), options());
  ASSERT_TRUE(r.ok()) << r.error().code << ": " << r.error().message;
  EXPECT_EQ(r->instance_id, h.instance_id);
  EXPECT_EQ(r->status, "registered");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0], "Contact with OpsWorks as instance " + h.instance_id + ": status registered");
}

TEST_F(AgentContactTest, DeletedUserIsRefused) {
  auto h = register_host("web-1");
  // IAM refuses to delete a user that still has keys, policies or groups.
  Status early = world().iam().delete_user(h.user_name);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, "DeleteConflict");
  delete_user(h);
  auto r = agent_contact(h.host(), options());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "UnrecognizedClientException");
  EXPECT_EQ(r.error().message, "The security token included in the request is invalid.");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_TRUE(log[0].starts_with("Contact refused (access key " + h.key.access_key_id + ")"))
      << log[0];
  EXPECT_EQ(log[0].find(h.key.secret_access_key), std::string::npos);
}

TEST_F(AgentContactTest, DeletedKeyIsRefused) {
  auto h = register_host("web-1");
  ASSERT_TRUE(world().iam().delete_access_key(h.user_name, h.key.access_key_id).ok());
  auto r = agent_contact(h.host(), options());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "UnrecognizedClientException");
}

TEST_F(AgentContactTest, InactiveKeyIsRefusedUntilReactivated) {
  auto h = register_host("web-1");
  ASSERT_TRUE(world().iam().update_access_key(h.user_name, h.key.access_key_id, false).ok());
  auto r = agent_contact(h.host(), options());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "UnrecognizedClientException");
  ASSERT_TRUE(world().iam().update_access_key(h.user_name, h.key.access_key_id, true).ok());
  EXPECT_TRUE(agent_contact(h.host(), options()).ok());
}

TEST_F(AgentContactTest, WithoutAKeyTheInstanceCredentialsAreFetchedForEachContact) {
  auto h = register_host("web-1");
  auto config = read_agent_config(h.host());
  ASSERT_TRUE(config.ok());
  config->erase("access_key_id");
  config->erase("secret_access_key");
  ASSERT_TRUE(write_agent_config(h.host(), *config).ok());

  ContactOptions o = options();
  EXPECT_EQ(agent_contact(h.host(), o).error().code, "NoCredentials");
  int fetched = 0;
  o.instance_credentials = [&]() -> Result<aws::Credentials> {
    ++fetched;
    return h.key;
  };
  ASSERT_TRUE(agent_contact(h.host(), o).ok());
  ASSERT_TRUE(agent_contact(h.host(), o).ok());
  EXPECT_EQ(fetched, 2);
  o.instance_credentials = []() -> Result<aws::Credentials> {
    return aws::make_error("MetadataUnavailable", "no metadata service", 0);
  };
  EXPECT_EQ(agent_contact(h.host(), o).error().code, "MetadataUnavailable");
}

TEST_F(AgentContactTest, ClockSkewIsCorrectedFromTheServiceErrorAsAtBoot) {
  auto h = register_host("web-1");
  ContactOptions o = options();
  // The agent's clock is an hour behind the world's (e.g. serve's clock moved by the admin API).
  VirtualClock behind(world().now() - std::chrono::hours(1));
  o.deps.clock = std::shared_ptr<const Clock>(std::shared_ptr<void>(), &behind);
  auto r = agent_contact(h.host(), o);
  ASSERT_TRUE(r.ok()) << r.error().code << ": " << r.error().message;
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0], "Clock skew: the service's time is 2026-01-01T00:00:00Z; retrying");
}

TEST_F(AgentContactTest, HostWithoutConfigIsNoAgentConfig) {
  auto r = agent_contact(AgentHost{::testing::TempDir() + "/no-such-agent-host", "x", "", ""},
                         options());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "NoAgentConfig");
}

TEST_F(AgentContactTest, ConfigWithoutInstanceIdIsInvalid) {
  registration::PreconfigValues config = preconfig("x", aws::Credentials{"AKIA1", "s", ""});
  auto r = agent_contact(config, options());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "InvalidPreconfig");
}

}  // namespace
}  // namespace opsreg::agent
