// The whole register procedure against the fakes: OpsWorks, IAM and S3 on a loopback edge,
// an on-premises machine as a FakeSshHost reached through an OpenSSH client config, and the
// simulated agent run by the installer's boot-registration on that host.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/agent/agent_host.h"
#include "core/clients/aws_client.h"
#include "core/register/procedure.h"
#include "mocks/ssh/fake_ssh_host.h"
#include "tests/support/edge_client.h"
#include "tests/support/read_file.h"
#include "tests/support/world_client.h"

namespace opsreg::registration {
namespace {

namespace fs = std::filesystem;
constexpr char kStackId[] = "2f18b4cb-4de5-4429-a149-ff7da9f0d8ee";

class RegisterProcedure : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("register_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);

    mocks::ssh::HostSettings host;
    host.hostname = "onprem-host";
    host.private_ip = "10.0.0.5";
    host.public_ip = "203.0.113.5";
    host.users.push_back({"ubuntu",
                          {opsreg::testing::read_file(std::string(OPSREG_SOURCE_DIR) +
                                                      "/fixtures/ssh/user_ed25519.pub")},
                          std::nullopt});
    host.env["OPSREG_BIN"] = OPSREG_BINARY;
    auto started = mocks::ssh::FakeSshHost::start(host);
    ASSERT_TRUE(started.ok()) << started.error().message;
    host_ = std::move(*started);

    std::ofstream(dir_ / "ssh_config")
        << "Host onprem-host 10.0.0.5\n"
        << "  HostName 127.0.0.1\n  Port " << host_->port() << "\n  User ubuntu\n"
        << "  IdentityFile " << OPSREG_SOURCE_DIR << "/fixtures/ssh/user_ed25519\n"
        << "  UserKnownHostsFile " << (dir_ / "known_hosts").string() << "\n"
        << "  StrictHostKeyChecking accept-new\n";
    fs::permissions(std::string(OPSREG_SOURCE_DIR) + "/fixtures/ssh/user_ed25519",
                    fs::perms::owner_read | fs::perms::owner_write);

    args_.stack_id = kStackId;
    args_.infrastructure_class = "on-premises";
    args_.target = "onprem-host";
    args_.ssh_config = (dir_ / "ssh_config").string();
    use_credentials(live_.tw.world->operator_credentials());
  }

  // Clients for the edge signed with `creds` at the world's time.
  void use_credentials(const aws::Credentials& creds) {
    auto make = [&](config::Service s) {
      return testing::world_client(*live_.tw.harness, s, creds);
    };
    opsworks_ = std::make_unique<clients::OpsWorksClient>(make(config::Service::kOpsWorks));
    iam_ = std::make_unique<clients::IamClient>(make(config::Service::kIam));
  }

  Report run() {
    ProcedureDeps deps;
    deps.opsworks = opsworks_.get();
    deps.iam = iam_.get();
    deps.clock = &live_.tw.world->clock();
    deps.progress = [&](const std::string& l) { progress_.push_back(l); };
    deps.target = [&](const std::string& address) {
      TargetIo io;
      io.output = [&](std::string_view d) { output_ += d; };
      return make_target_runner(args_, address, io);
    };
    return run_register(args_, deps);
  }

  struct Live {
    testing::TestWorld tw{nlohmann::json(), testing::Serving::kLoopback};
  } live_;
  fs::path dir_;
  std::unique_ptr<mocks::ssh::FakeSshHost> host_;
  std::unique_ptr<clients::OpsWorksClient> opsworks_;
  std::unique_ptr<clients::IamClient> iam_;
  Arguments args_;
  std::vector<std::string> progress_;
  std::string output_;
};

TEST_F(RegisterProcedure, RegistersAnOnPremisesHostOverSsh) {
  Report r = run();
  ASSERT_TRUE(r.ok()) << r.failure->message() << "\n--- output:\n" << output_;
  mocks::World& world = *live_.tw.world;
  auto inst = world.opsworks().instance(r.outcome.instance_id);
  ASSERT_TRUE(inst.ok());
  EXPECT_EQ(inst->status, "registered");
  EXPECT_EQ(inst->hostname, "onprem-host");
  EXPECT_EQ(inst->private_ip, "10.0.0.5");
  EXPECT_EQ(inst->public_ip, "203.0.113.5");
  EXPECT_EQ(inst->infrastructure_class, "on-premises");
  EXPECT_EQ(inst->registered_by, r.outcome.iam_user_arn);
  EXPECT_EQ(r.outcome.iam_user_name, "OpsWorks-MyStack-onprem-host");
  EXPECT_EQ(r.outcome.iam_user_arn,
            "arn:aws:iam::123456789012:user/AWS/OpsWorks/OpsWorks-MyStack-onprem-host");
  EXPECT_EQ(r.outcome.iam_group, std::string("OpsWorks-") + kStackId);
  EXPECT_FALSE(r.outcome.inline_policy);
  // The agent logged on the host, and no secret reached the output.
  std::string log =
      opsreg::testing::read_file(host_->root() / "var/log/aws/opsworks/opsworks-agent.log");
  EXPECT_NE(log.find("Registered instance " + r.outcome.instance_id), std::string::npos) << log;
  // One progress line per step.
  EXPECT_EQ(progress_.size(), 9u);
  EXPECT_TRUE(progress_.back().starts_with("find-instance: " + r.outcome.instance_id));
}

// Initial setup: the stack's hosts file replaces the host's /etc/hosts; the old one is in the
// agent's log.
TEST_F(RegisterProcedure, TheStacksHostsFileReplacesEtcHostsAndTheOldOneIsLogged) {
  std::string old_hosts = opsreg::testing::read_file(host_->root() / "etc/hosts");
  ASSERT_NE(old_hosts.find("ip6-localhost"), std::string::npos) << old_hosts;
  Report r = run();
  ASSERT_TRUE(r.ok()) << r.failure->message() << "\n--- output:\n" << output_;
  EXPECT_EQ(opsreg::testing::read_file(host_->root() / "etc/hosts"),
            "127.0.0.1 localhost\n10.0.0.5 onprem-host\n");
  std::string log =
      opsreg::testing::read_file(host_->root() / "var/log/aws/opsworks/opsworks-agent.log");
  std::istringstream old_lines(old_hosts);
  for (std::string line; std::getline(old_lines, line);)
    EXPECT_NE(log.find("old /etc/hosts| " + line + "\n"), std::string::npos) << line << "\n" << log;
  EXPECT_NE(log.find("Initial setup done: instance " + r.outcome.instance_id + " is registered"),
            std::string::npos)
      << log;
}

TEST_F(RegisterProcedure, OverrideHostnameAndIpsReachTheInstance) {
  args_.override_hostname = "web-01";
  args_.override_private_ip = "192.168.1.20";
  Report r = run();
  ASSERT_TRUE(r.ok()) << r.failure->message() << "\n" << output_;
  auto inst = live_.tw.world->opsworks().instance(r.outcome.instance_id);
  EXPECT_EQ(inst->hostname, "web-01");
  EXPECT_EQ(inst->private_ip, "192.168.1.20");
  EXPECT_EQ(r.outcome.iam_user_name, "OpsWorks-MyStack-web-01");

  // A second registration under the same hostname is refused before any IAM call.
  progress_.clear();
  args_.override_hostname = "WEB-01";
  Report again = run();
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.failure->step, "check-hostname");
  EXPECT_EQ(again.failure->error.message,
            "Invalid hostname: 'WEB-01'. Hostnames must be unique within a stack.");
  EXPECT_TRUE(again.failure->left_behind.empty());
}

TEST_F(RegisterProcedure, TakenUserNamesGetPlusN) {
  Report first = run();
  ASSERT_TRUE(first.ok()) << first.failure->message();
  args_.override_hostname = "second";
  // Same IAM name base as the first: the host name part comes from the override.
  ASSERT_TRUE(iam_->create_user("OpsWorks-MyStack-second", "/").ok());
  Report second = run();
  ASSERT_TRUE(second.ok()) << second.failure->message() << output_;
  EXPECT_EQ(second.outcome.iam_user_name, "OpsWorks-MyStack-second+1");
}

TEST_F(RegisterProcedure, AttachUserPolicyDeniedFallsBackToTheInlinePolicy) {
  // An operator who may do everything except AttachUserPolicy.
  nlohmann::json policy = {
      {"Version", "2012-10-17"},
      {"Statement",
       {{{"Effect", "Allow"}, {"Action", "*"}, {"Resource", "*"}},
        {{"Effect", "Deny"}, {"Action", "iam:AttachUserPolicy"}, {"Resource", "*"}}}}};
  mocks::World& world = *live_.tw.world;
  auto user = world.iam().create_user("limited-operator", "/");
  ASSERT_TRUE(user.ok());
  ASSERT_TRUE(world.iam().put_user_policy("limited-operator", "ops", policy.dump()).ok());
  auto key = world.iam().create_access_key("limited-operator");
  ASSERT_TRUE(key.ok());
  use_credentials({key->access_key_id, key->secret_access_key, ""});

  Report r = run();
  ASSERT_TRUE(r.ok()) << r.failure->message() << "\n" << output_;
  EXPECT_TRUE(r.outcome.inline_policy);
  auto doc = world.iam().get_user_policy(r.outcome.iam_user_name, "OpsWorks-Instance");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->document.find("opsworks:RegisterInstance"), std::string::npos);
  EXPECT_NE(doc->document.find("DateLessThan"), std::string::npos);
  auto inst = world.opsworks().instance(r.outcome.instance_id);
  EXPECT_EQ(inst->registered_by, r.outcome.iam_user_arn);
}

TEST_F(RegisterProcedure, FailedStepNamesTheEntitiesLeftBehind) {
  args_.ssh_config.reset();
  args_.override_ssh = "/bin/false";  // the target cannot be reached
  Report r = run();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.failure->step, "setup-target");
  EXPECT_EQ(r.failure->error.code, "RemoteScriptFailed");
  ASSERT_EQ(r.failure->left_behind.size(), 2u);
  EXPECT_NE(r.failure->left_behind[0].find("IAM user OpsWorks-MyStack-onprem-host"),
            std::string::npos);
  EXPECT_NE(r.failure->message().find("step setup-target failed: RemoteScriptFailed"),
            std::string::npos);
}

}  // namespace
}  // namespace opsreg::registration
