// Test support for the agent's life after registration: a world whose agent hosts are plain
// directories, registered by the real boot-registration through the edge in-process (no
// socket, no SSH), each with its own IAM user and key as `register` would make them.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "core/agent/agent_config.h"
#include "core/agent/agent_contact.h"
#include "core/agent/boot_registration.h"
#include "mocks/agents/agent_runner.h"
#include "mocks/agents/edge_transport.h"
#include "tests/support/edge_client.h"

namespace opsreg::testing {

inline constexpr const char* kAgentStackId = "2f18b4cb-4de5-4429-a149-ff7da9f0d8ee";

// The default world with `settings` (a key pool always on: registrations take no RSA time).
inline nlohmann::json agent_world(nlohmann::json settings = nlohmann::json::object()) {
  std::ifstream in(mocks::World::default_world_path());
  nlohmann::json w = nlohmann::json::parse(in);
  settings["agent_key_pool"] = 4;
  w["settings"] = settings;
  return w;
}

// A registered host: its tree, the instance and the IAM user and key its agent holds.
struct AgentHostFixture {
  std::string name;
  std::filesystem::path root;
  std::string instance_id;
  std::string user_name;
  aws::Credentials key;
  agent::AgentHost host() const { return {root.string(), name, "", ""}; }
};

class AgentWorld : public ::testing::Test {
 protected:
  explicit AgentWorld(const nlohmann::json& settings = nlohmann::json::object())
      : tw(agent_world(settings)),
        transport(std::make_shared<mocks::agents::EdgeTransport>(*tw.edge)) {}

  void TearDown() override {
    for (const auto& h : hosts) std::filesystem::remove_all(h.root);
  }

  mocks::World& world() { return *tw.world; }

  // Client dependencies: the edge in-process, the world's clock, no real waits.
  clients::ClientDeps deps() {
    clients::ClientDeps d;
    d.transport = transport;
    d.clock = std::shared_ptr<const Clock>(tw.world, &tw.world->clock());
    d.sleeper = [](std::chrono::milliseconds) {};
    d.random = [] { return 0.0; };
    return d;
  }

  // The preconfig `register` would hand the agent: the edge as OpsWorks endpoint and `key`.
  registration::PreconfigValues preconfig(const std::string& hostname,
                                          const std::optional<aws::Credentials>& key) {
    registration::PreconfigValues p = {{"stack_id", kAgentStackId},
                                       {"ops_works_endpoint", "127.0.0.1"},
                                       {"ops_works_port", "4566"},
                                       {"ops_works_region", "us-east-1"},
                                       {"ops_works_use_ssl", "false"},
                                       {"hostname", hostname},
                                       {"import", false}};
    if (key) {
      p["access_key_id"] = key->access_key_id;
      p["secret_access_key"] = key->secret_access_key;
    }
    return p;
  }

  // Makes user OpsWorks-MyStack-NAME (group, AWSOpsWorksInstanceRegistration, a key) and runs
  // boot-registration on a fresh tree for host NAME with that key.
  AgentHostFixture register_host(const std::string& name) {
    AgentHostFixture h;
    h.name = name;
    h.root = std::filesystem::path(::testing::TempDir()) /
             ("agent_host_" + std::to_string(::getpid()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" + name);
    std::filesystem::remove_all(h.root);
    std::filesystem::create_directories(h.root);
    h.user_name = "OpsWorks-MyStack-" + name;
    auto& iam = world().iam();
    EXPECT_TRUE(iam.create_user(h.user_name, "/AWS/OpsWorks/").ok());
    auto group = iam.create_group(group_name(), "/AWS/OpsWorks/");
    EXPECT_TRUE(group.ok() || group.error().is("EntityAlreadyExists"));
    EXPECT_TRUE(iam.add_user_to_group(group_name(), h.user_name).ok());
    EXPECT_TRUE(iam.attach_user_policy(h.user_name, kRegistrationPolicy).ok());
    auto key = iam.create_access_key(h.user_name);
    EXPECT_TRUE(key.ok());
    h.key = {key->access_key_id, key->secret_access_key, ""};
    agent::BootOptions options;
    options.deps = deps();
    options.key_pool = world().settings().agent_key_pool_file;
    auto r = agent::boot_registration(preconfig(name, h.key), h.host(), options);
    EXPECT_TRUE(r.ok()) << r.error().code << ": " << r.error().message;
    if (r.ok()) h.instance_id = r->instance_id;
    hosts.push_back(h);
    return h;
  }

  // Deletes the host's IAM user as IAM demands: keys, policies and group membership first.
  void delete_user(const AgentHostFixture& h) {
    auto& iam = world().iam();
    EXPECT_TRUE(iam.delete_access_key(h.user_name, h.key.access_key_id).ok());
    EXPECT_TRUE(iam.detach_user_policy(h.user_name, kRegistrationPolicy).ok());
    EXPECT_TRUE(iam.remove_user_from_group(group_name(), h.user_name).ok());
    Status s = iam.delete_user(h.user_name);
    EXPECT_TRUE(s.ok()) << s.error().code;
  }

  // The instance's status as DescribeInstances (operator) shows it.
  std::string status_of(const std::string& instance_id) {
    EdgeClient op(*tw.edge, world().operator_credentials());
    http::Response r = op.json("DescribeInstances", {{"InstanceIds", {instance_id}}});
    EXPECT_EQ(r.status, 200) << r.body;
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    if (!j.is_object() || j["Instances"].empty()) return "";
    return j["Instances"][0].value("Status", "");
  }

  // A runner over the registered hosts (all of them, also those registered later).
  std::unique_ptr<mocks::agents::AgentRunner> runner() {
    return std::make_unique<mocks::agents::AgentRunner>(*tw.edge, [this] {
      std::vector<mocks::agents::AgentSite> sites;
      for (const auto& h : hosts) sites.push_back({h.name, h.root, {}});
      return sites;
    });
  }

  static std::string group_name() { return std::string("OpsWorks-") + kAgentStackId; }
  static constexpr const char* kRegistrationPolicy =
      "arn:aws:iam::aws:policy/AWSOpsWorksInstanceRegistration";

  TestWorld tw;
  std::shared_ptr<mocks::agents::EdgeTransport> transport;
  std::vector<AgentHostFixture> hosts;
};

}  // namespace opsreg::testing
