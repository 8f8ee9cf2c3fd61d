// The fake OpsWorks' AgentContact (our model of the agent's channel): valid credentials are
// all it needs; a good contact keeps the instance from reading as connection_lost, which is
// derived from the last good contact (RegisterInstance is the first) and the world's rule.
#include <gtest/gtest.h>

#include "tests/support/agent_fixture.h"

namespace opsreg::testing {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

class OpsWorksAgentContact : public ::testing::Test {
 protected:
  explicit OpsWorksAgentContact(const nlohmann::json& settings = nlohmann::json::object())
      : tw(agent_world(settings)), op(*tw.edge, tw.world->operator_credentials()) {}

  std::string register_instance(const std::string& hostname) {
    http::Response r =
        op.json("RegisterInstance", {{"StackId", kAgentStackId}, {"Hostname", hostname}});
    EXPECT_EQ(r.status, 200) << r.body;
    return nlohmann::json::parse(r.body).value("InstanceId", "");
  }
  http::Response contact(EdgeClient& client, const std::string& instance_id) {
    return client.json("AgentContact", {{"InstanceId", instance_id}});
  }
  std::string answered_status(const http::Response& r) {
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    return j.is_object() ? j.value("Status", "") : "";
  }
  std::string status_of(const std::string& instance_id) {
    http::Response r = op.json("DescribeInstances", {{"InstanceIds", {instance_id}}});
    EXPECT_EQ(r.status, 200) << r.body;
    return nlohmann::json::parse(r.body)["Instances"][0].value("Status", "");
  }
  // A user with a key and no policy at all.
  aws::Credentials user_without_policies(const std::string& name) {
    EXPECT_TRUE(tw.world->iam().create_user(name, "/").ok());
    auto key = tw.world->iam().create_access_key(name);
    EXPECT_TRUE(key.ok());
    return {key->access_key_id, key->secret_access_key, ""};
  }
  void advance(std::chrono::microseconds by) { tw.world->advance(by); }

  TestWorld tw;
  EdgeClient op;
};

TEST_F(OpsWorksAgentContact, GoodContactAnswersTheInstancesStatus) {
  std::string id = register_instance("web-1");
  http::Response r = contact(op, id);
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(nlohmann::json::parse(r.body), (nlohmann::json{{"Status", "registered"}}));
}

TEST_F(OpsWorksAgentContact, NeedsValidCredentialsButNoIamPolicy) {
  std::string id = register_instance("web-1");
  EdgeClient agent(*tw.edge, user_without_policies("no-policies"));
  EXPECT_EQ(contact(agent, id).status, 200);
  // Every other operation evaluates the caller's policies.
  http::Response denied = agent.json("DescribeInstances", {{"InstanceIds", {id}}});
  EXPECT_EQ(error_code(denied), "AccessDeniedException");
}

TEST_F(OpsWorksAgentContact, ReadsConnectionLostOnlyWhenTheLastContactIsOlderThanThreeMinutes) {
  std::string id = register_instance("web-1");  // the first contact
  advance(minutes(3) - seconds(1));
  EXPECT_EQ(status_of(id), "registered");
  advance(seconds(1));
  EXPECT_EQ(status_of(id), "registered");  // exactly 3 × 1m: not older yet
  advance(seconds(1));
  EXPECT_EQ(status_of(id), "connection_lost");
  // Everywhere the instance is read: by stack, and in the world snapshot.
  auto by_stack =
      nlohmann::json::parse(op.json("DescribeInstances", {{"StackId", kAgentStackId}}).body);
  EXPECT_EQ(by_stack["Instances"][0]["Status"], "connection_lost");
  auto snapshot = tw.world->snapshot();
  EXPECT_EQ(snapshot["opsworks"]["stacks"][0]["Instances"][0]["Status"], "connection_lost");
}

TEST_F(OpsWorksAgentContact, GoodContactMovesTheDeadline) {
  std::string id = register_instance("web-1");
  advance(minutes(2));
  ASSERT_EQ(contact(op, id).status, 200);
  advance(minutes(3) - seconds(1));  // 4m59s after registering, 2m59s after the contact
  EXPECT_EQ(status_of(id), "registered");
  advance(seconds(2));
  EXPECT_EQ(status_of(id), "connection_lost");
}

TEST_F(OpsWorksAgentContact, GoodContactAfterConnectionLostRestoresRegistered) {
  std::string id = register_instance("web-1");
  advance(minutes(10));
  ASSERT_EQ(status_of(id), "connection_lost");
  http::Response r = contact(op, id);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(answered_status(r), "registered");
  EXPECT_EQ(status_of(id), "registered");
}

TEST_F(OpsWorksAgentContact, OnlineAndSetupFailedComeBackAsTheyWere) {
  for (std::string before : {"online", "setup_failed"}) {
    std::string id = register_instance("host-" + before.substr(0, 5));
    ASSERT_TRUE(tw.world->opsworks().set_instance_status(id, before).ok());
    advance(minutes(4));
    EXPECT_EQ(status_of(id), "connection_lost") << before;
    EXPECT_EQ(answered_status(contact(op, id)), before);
    EXPECT_EQ(status_of(id), before);
  }
}

TEST_F(OpsWorksAgentContact, RefusedContactsRecordNothing) {
  std::string id = register_instance("web-1");
  aws::Credentials creds = user_without_policies("agent-user");
  EdgeClient agent(*tw.edge, creds);
  advance(minutes(2));
  // Inactive key: refused by the edge, as AWS refuses it.
  ASSERT_TRUE(tw.world->iam().update_access_key("agent-user", creds.access_key_id, false).ok());
  http::Response inactive = contact(agent, id);
  EXPECT_EQ(inactive.status, 400);
  EXPECT_EQ(error_code(inactive), "UnrecognizedClientException");
  // Wrong secret.
  EdgeClient forged(*tw.edge, {creds.access_key_id, "not-the-secret", ""});
  ASSERT_TRUE(tw.world->iam().update_access_key("agent-user", creds.access_key_id, true).ok());
  EXPECT_EQ(error_code(contact(forged, id)), "InvalidSignatureException");
  // Deleted key.
  ASSERT_TRUE(tw.world->iam().delete_access_key("agent-user", creds.access_key_id).ok());
  EXPECT_EQ(error_code(contact(agent, id)), "UnrecognizedClientException");
  // The last good contact is still the registration: 3m01s after it, the connection is lost.
  advance(minutes(1) + seconds(1));
  EXPECT_EQ(status_of(id), "connection_lost");
}

TEST_F(OpsWorksAgentContact, UnknownInstanceAndMissingIdAreRefused) {
  http::Response r = contact(op, "4d6d1710-ded9-42a1-b08e-b043ad7af1e2");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "ResourceNotFoundException");
  EXPECT_EQ(nlohmann::json::parse(r.body)["message"],
            "Unable to find instance with ID 4d6d1710-ded9-42a1-b08e-b043ad7af1e2");
  http::Response missing = op.json("AgentContact", nlohmann::json::object());
  EXPECT_EQ(error_code(missing), "ValidationException");
}

class OpsWorksAgentContactRule : public OpsWorksAgentContact {
 protected:
  OpsWorksAgentContactRule()
      : OpsWorksAgentContact({{"agent_contact_interval", "30s"}, {"agent_missed_contacts", 2}}) {}
};

TEST_F(OpsWorksAgentContactRule, TheWorldsIntervalAndThresholdSetTheDeadline) {
  std::string id = register_instance("web-1");
  advance(minutes(1) - seconds(1));
  EXPECT_EQ(status_of(id), "registered");
  advance(seconds(2));
  EXPECT_EQ(status_of(id), "connection_lost");
}

TEST(AgentContactSettings, DefaultsAreOneMinuteAndThreeMissedContacts) {
  auto s = mocks::parse_world_settings(nlohmann::json());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->agent_contact_interval, minutes(1));
  EXPECT_EQ(s->agent_missed_contacts, 3);
  auto set =
      mocks::parse_world_settings({{"agent_contact_interval", "2h"}, {"agent_missed_contacts", 5}});
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set->agent_contact_interval, std::chrono::hours(2));
  EXPECT_EQ(set->agent_missed_contacts, 5);
}

TEST(AgentContactSettings, BadValuesAreRefusedNamingTheKey) {
  for (const nlohmann::json& bad : {nlohmann::json{{"agent_contact_interval", "soon"}},
                                    {{"agent_contact_interval", 60}},
                                    {{"agent_contact_interval", "0s"}},
                                    {{"agent_contact_interval", "2d"}},
                                    {{"agent_missed_contacts", 0}},
                                    {{"agent_missed_contacts", "3"}}}) {
    auto s = mocks::parse_world_settings(bad);
    ASSERT_FALSE(s.ok()) << bad.dump();
    EXPECT_EQ(s.error().code, "ValidationError");
    EXPECT_NE(s.error().message.find(bad.begin().key()), std::string::npos) << s.error().message;
  }
}

}  // namespace
}  // namespace opsreg::testing
