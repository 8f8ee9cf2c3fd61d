// A whole registration in a world with the "agent_key_pool" setting on: the agent takes its
// RSA key from the world's pool (the provisioning parameter opsreg_agent_key_pool) instead of
// generating one, so the instance's key fingerprint is one of the pool's.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/agent/rsa_key.h"
#include "core/clients/aws_client.h"
#include "core/register/procedure.h"
#include "mocks/ssh/fake_ssh_host.h"
#include "tests/support/edge_client.h"
#include "tests/support/read_file.h"
#include "tests/support/world_client.h"

namespace opsreg::registration {
namespace {

namespace fs = std::filesystem;

nlohmann::json world_with_pool(int keys) {
  std::ifstream in(mocks::World::default_world_path());
  nlohmann::json w = nlohmann::json::parse(in);
  w["settings"] = {{"agent_key_pool", keys}};
  return w;
}

TEST(RegisterKeyPool, TheAgentTakesItsKeyFromTheWorldsPool) {
  testing::TestWorld tw(world_with_pool(4), testing::Serving::kLoopback);
  fs::path dir = fs::path(::testing::TempDir()) / ("register_pool_" + std::to_string(::getpid()));
  fs::create_directories(dir);

  mocks::ssh::HostSettings host;
  host.hostname = "pooled-host";
  host.private_ip = "10.0.0.7";
  const std::string fixtures = std::string(OPSREG_SOURCE_DIR) + "/fixtures/ssh/";
  host.users.push_back(
      {"ubuntu", {opsreg::testing::read_file(fixtures + "user_ed25519.pub")}, std::nullopt});
  host.env["OPSREG_BIN"] = OPSREG_BINARY;
  auto started = mocks::ssh::FakeSshHost::start(host);
  ASSERT_TRUE(started.ok()) << started.error().message;
  std::ofstream(dir / "ssh_config")
      << "Host pooled-host\n  HostName 127.0.0.1\n  Port " << (*started)->port()
      << "\n  User ubuntu\n  IdentityFile " << fixtures << "user_ed25519\n  UserKnownHostsFile "
      << (dir / "known_hosts").string() << "\n  StrictHostKeyChecking accept-new\n";
  fs::permissions(fixtures + "user_ed25519", fs::perms::owner_read | fs::perms::owner_write);

  auto make = [&](config::Service s) {
    return testing::world_client(*tw.harness, s, tw.world->operator_credentials());
  };
  clients::OpsWorksClient opsworks(make(config::Service::kOpsWorks));
  clients::IamClient iam(make(config::Service::kIam));
  Arguments args;
  args.stack_id = "2f18b4cb-4de5-4429-a149-ff7da9f0d8ee";
  args.infrastructure_class = "on-premises";
  args.target = "pooled-host";
  args.ssh_config = (dir / "ssh_config").string();
  std::string output;
  std::vector<std::string> steps;
  ProcedureDeps deps;
  deps.opsworks = &opsworks;
  deps.iam = &iam;
  deps.clock = &tw.world->clock();
  deps.step_timing = [&](const std::string& step, std::chrono::nanoseconds took) {
    EXPECT_GT(took.count(), 0) << step;
    steps.push_back(step);
  };
  deps.target = [&](const std::string& address) {
    TargetIo io;
    io.output = [&](std::string_view d) { output += d; };
    return make_target_runner(args, address, io);
  };
  Report r = run_register(args, deps);
  ASSERT_TRUE(r.ok()) << r.failure->message() << "\n--- output:\n" << output;

  auto inst = tw.world->opsworks().instance(r.outcome.instance_id);
  ASSERT_TRUE(inst.ok());
  auto pool = agent::read_key_pool(tw.world->settings().agent_key_pool_file);
  ASSERT_TRUE(pool.ok());
  ASSERT_EQ(pool->size(), 4u);
  std::vector<std::string> fingerprints;
  for (const auto& pem : *pool) fingerprints.push_back(agent::rsa_key_from_pem(pem)->fingerprint);
  EXPECT_NE(std::find(fingerprints.begin(), fingerprints.end(), inst->rsa_public_key_fingerprint),
            fingerprints.end())
      << inst->rsa_public_key_fingerprint;
  std::string log =
      opsreg::testing::read_file((*started)->root() / "var/log/aws/opsworks/opsworks-agent.log");
  EXPECT_NE(log.find("Took an RSA key pair from " + tw.world->settings().agent_key_pool_file),
            std::string::npos)
      << log;
  // The timing hook saw every step the progress lines name, in order.
  EXPECT_EQ(steps.front(), "describe-stack");
  EXPECT_EQ(steps.back(), "find-instance");
  EXPECT_EQ(steps.size(), 9u);
}

}  // namespace
}  // namespace opsreg::registration
