// The agent's life after a real registration: `register` over SSH onto the default world's
// fake host onprem-web-1 (HostFleet), then the world's agents driven by the AgentRunner as the
// virtual clock moves — what docs/register.md §4 says of deleting the IAM user and rotating
// keys.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/agent/agent_config.h"
#include "core/clients/aws_client.h"
#include "core/clients/iam_client.h"
#include "core/clients/opsworks_client.h"
#include "core/register/procedure.h"
#include "mocks/agents/agent_runner.h"
#include "mocks/harness/harness.h"
#include "tests/integration/ssh_host_fixture.h"
#include "tests/support/agent_fixture.h"
#include "tests/support/world_client.h"

namespace opsreg::testing {
namespace {

namespace fs = std::filesystem;
using std::chrono::hours;
using std::chrono::minutes;

class AgentLife : public ::testing::Test {
 protected:
  void SetUp() override {
    mocks::HarnessOptions options;
    options.opsreg_bin = OPSREG_BINARY;
    auto started = mocks::Harness::start(agent_world(), options);
    ASSERT_TRUE(started.ok()) << started.error().message;
    harness = std::move(*started);
    world = harness->world();
    fleet = &harness->fleet();
    agents = &harness->agents();
  }

  clients::AwsClient client(config::Service service) {
    return testing::world_client(*harness, service, world->operator_credentials());
  }

  // `opsreg register` of onprem-web-1 with the operator's keys, over SSH.
  registration::Report register_web() {
    clients::OpsWorksClient opsworks(client(config::Service::kOpsWorks));
    clients::IamClient iam(client(config::Service::kIam));
    registration::Arguments args;
    args.stack_id = kAgentStackId;
    args.infrastructure_class = "on-premises";
    args.target = "onprem-web-1";
    args.ssh_config = fleet->ssh_config_path().string();
    registration::ProcedureDeps deps;
    deps.opsworks = &opsworks;
    deps.iam = &iam;
    deps.clock = &world->clock();
    deps.target = [&](const std::string& address) {
      registration::TargetIo io;
      io.output = [&](std::string_view d) { output += d; };
      return registration::make_target_runner(args, address, io);
    };
    return registration::run_register(args, deps);
  }

  std::string status_of(const std::string& instance_id) {
    EdgeClient op(harness->edge(), world->operator_credentials());
    http::Response r = op.json("DescribeInstances", {{"InstanceIds", {instance_id}}});
    EXPECT_EQ(r.status, 200) << r.body;
    return nlohmann::json::parse(r.body)["Instances"][0].value("Status", "");
  }

  agent::AgentHost web_host() const {
    return {fleet->hosts()[0].ssh->root().string(), "onprem-web-1", "", ""};
  }

  std::unique_ptr<mocks::Harness> harness;
  std::shared_ptr<mocks::World> world;
  const mocks::ssh::HostFleet* fleet = nullptr;
  mocks::agents::AgentRunner* agents = nullptr;
  std::string output;
};

TEST_F(AgentLife, DeletingTheAgentsIamUserLosesTheConnection) {
  registration::Report r = register_web();
  ASSERT_TRUE(r.ok()) << r.failure->message() << "\n--- output:\n" << output;
  const std::string id = r.outcome.instance_id;
  const std::string user = r.outcome.iam_user_name;
  ASSERT_TRUE(fs::exists(fs::path(web_host().root) / "etc/aws/opsworks/instance-agent.yml"));
  agents->advance(hours(1));
  EXPECT_EQ(status_of(id), "registered");

  // Delete the user as IAM demands, through the wire: DeleteConflict while it still has a key,
  // a policy and a group, then the key, the policy, the membership, the user.
  EdgeClient op(harness->edge(), world->operator_credentials());
  http::Response conflict = op.query("iam", "DeleteUser", {{"UserName", user}});
  EXPECT_EQ(conflict.status, 409);
  EXPECT_EQ(error_code(conflict), "DeleteConflict");
  auto config = agent::read_agent_config(web_host());
  ASSERT_TRUE(config.ok());
  const std::string key_id = (*config)["access_key_id"];
  for (auto [action, params] : std::vector<std::pair<std::string, aws::Params>>{
           {"DeleteAccessKey", {{"UserName", user}, {"AccessKeyId", key_id}}},
           {"DetachUserPolicy",
            {{"UserName", user},
             {"PolicyArn", "arn:aws:iam::aws:policy/AWSOpsWorksInstanceRegistration"}}},
           {"RemoveUserFromGroup", {{"UserName", user}, {"GroupName", r.outcome.iam_group}}},
           {"DeleteUser", {{"UserName", user}}}}) {
    http::Response step = op.query("iam", action, params);
    EXPECT_EQ(step.status, 200) << action << ": " << step.body;
  }

  agents->advance(minutes(3) + std::chrono::seconds(1));
  EXPECT_EQ(status_of(id), "connection_lost");
  // The agent logged its refused contacts on the host.
  std::ifstream log(fs::path(web_host().root) / "var/log/aws/opsworks/opsworks-agent.log");
  std::stringstream text;
  text << log.rdbuf();
  EXPECT_NE(
      text.str().find("Contact refused (access key " + key_id + "): UnrecognizedClientException"),
      std::string::npos)
      << text.str();
}

TEST_F(AgentLife, RotatedKeyInTheAgentConfigKeepsTheInstanceRegisteredFor90Days) {
  registration::Report r = register_web();
  ASSERT_TRUE(r.ok()) << r.failure->message() << "\n--- output:\n" << output;
  const std::string id = r.outcome.instance_id;
  const std::string user = r.outcome.iam_user_name;
  auto config = agent::read_agent_config(web_host());
  ASSERT_TRUE(config.ok());
  const std::string old_key = (*config)["access_key_id"];

  // Rotation: a new key, written into the agent's config, then the old key deleted.
  EdgeClient op(harness->edge(), world->operator_credentials());
  http::Response created = op.query("iam", "CreateAccessKey", {{"UserName", user}});
  ASSERT_EQ(created.status, 200) << created.body;
  (*config)["access_key_id"] = xml_text(created, "//AccessKey/AccessKeyId");
  (*config)["secret_access_key"] = xml_text(created, "//AccessKey/SecretAccessKey");
  ASSERT_TRUE(agent::write_agent_config(web_host(), *config).ok());
  ASSERT_EQ(
      op.query("iam", "DeleteAccessKey", {{"UserName", user}, {"AccessKeyId", old_key}}).status,
      200);

  agents->advance(minutes(1));
  EXPECT_EQ(agents->contacts_made(), 1);
  agents->advance(hours(24 * 90));
  // As many contacts as threshold + 1 ticks, not 90 days' worth.
  EXPECT_LE(agents->contacts_made(), 1 + 4);
  EXPECT_EQ(status_of(id), "registered");
}

TEST_F(AgentLife, AnAgentLeftWithTheOldKeyLosesTheConnectionAfterRotation) {
  registration::Report r = register_web();
  ASSERT_TRUE(r.ok()) << r.failure->message() << "\n--- output:\n" << output;
  auto config = agent::read_agent_config(web_host());
  ASSERT_TRUE(config.ok());
  EdgeClient op(harness->edge(), world->operator_credentials());
  ASSERT_EQ(op.query("iam", "CreateAccessKey", {{"UserName", r.outcome.iam_user_name}}).status,
            200);
  ASSERT_EQ(op.query("iam", "DeleteAccessKey",
                     {{"UserName", r.outcome.iam_user_name},
                      {"AccessKeyId", (*config)["access_key_id"].get<std::string>()}})
                .status,
            200);
  agents->advance(hours(24 * 90));
  EXPECT_LE(agents->contacts_made(), 4);
  EXPECT_EQ(status_of(r.outcome.instance_id), "connection_lost");
}

TEST_F(AgentLife, AgentContactCommandMakesOneContactAndExits1WhenRefused) {
  registration::Report r = register_web();
  ASSERT_TRUE(r.ok()) << r.failure->message() << "\n--- output:\n" << output;
  // The command signs with the machine's clock, far from the world's virtual one: it corrects
  // the skew from the service's error, as boot-registration does.
  const std::vector<std::string> env = {"OPSREG_HOST_ROOT=" + web_host().root};
  ProcessResult good = run({OPSREG_BINARY, "agent", "contact"}, env);
  EXPECT_EQ(good.exit_code, 0) << good.out << good.err;
  EXPECT_NE(good.out.find("Contact with OpsWorks as instance " + r.outcome.instance_id +
                          ": status registered"),
            std::string::npos)
      << good.out;
  auto config = agent::read_agent_config(web_host());
  ASSERT_TRUE(config.ok());
  ASSERT_TRUE(
      world->iam()
          .delete_access_key(r.outcome.iam_user_name, (*config)["access_key_id"].get<std::string>())
          .ok());
  ProcessResult refused = run({OPSREG_BINARY, "agent", "contact"}, env);
  EXPECT_EQ(refused.exit_code, 1);
  std::ifstream log(fs::path(web_host().root) / "var/log/aws/opsworks/opsworks-agent.log");
  std::stringstream text;
  text << log.rdbuf();
  EXPECT_NE(text.str().find("UnrecognizedClientException"), std::string::npos) << text.str();
  EXPECT_EQ(text.str().find((*config)["secret_access_key"].get<std::string>()), std::string::npos);
}

}  // namespace
}  // namespace opsreg::testing
