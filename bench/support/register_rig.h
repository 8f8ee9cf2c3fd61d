// Benchmark support: everything one in-process on-premises registration needs — a world (key
// pool setting on or off) behind an edge on a loopback port, a FakeSshHost reached through an
// OpenSSH client config, IAM/OpsWorks clients — and the clean-up that makes runs repeatable.
#pragma once

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/clients/aws_client.h"
#include "core/register/naming.h"
#include "core/register/procedure.h"
#include "core/util/data_dir.h"
#include "mocks/harness/harness.h"
#include "mocks/ssh/fake_ssh_host.h"

namespace opsreg::bench {

class RegisterRig {
 public:
  static constexpr char kStackId[] = "2f18b4cb-4de5-4429-a149-ff7da9f0d8ee";

  // `key_pool`: the world setting agent_key_pool (0: the agent makes a fresh RSA-2048 key).
  // `sandbox`: the host's sessions in their own namespaces (mocks/ssh/sandbox.h).
  RegisterRig(int key_pool, bool sandbox) {
    namespace fs = std::filesystem;
    std::ifstream in(mocks::World::default_world_path());
    nlohmann::json w = nlohmann::json::parse(in);
    w["settings"] = {{"agent_key_pool", key_pool}};
    mocks::HarnessOptions options;
    options.clock = mocks::ClockMode::kSystem;
    options.hosts = false;  // one host of its own below
    auto harness = mocks::Harness::start(w, options);
    if (!harness.ok()) throw std::runtime_error(harness.error().message);
    harness_ = std::move(*harness);
    world_ = harness_->world();

    dir_ = fs::temp_directory_path() /
           ("opsreg-bench-register-" + std::to_string(::getpid()) + "-" + std::to_string(key_pool));
    fs::create_directories(dir_);
    const std::string keys = opsreg::fixtures_dir().string() + "/ssh/";
    fs::permissions(keys + "user_ed25519", fs::perms::owner_read | fs::perms::owner_write);
    mocks::ssh::HostSettings host;
    host.hostname = "bench-host";
    host.private_ip = "10.0.0.9";
    host.users.push_back({"ubuntu", {read(keys + "user_ed25519.pub")}, std::nullopt});
    host.env["OPSREG_BIN"] = OPSREG_BINARY;
    host.sandbox = sandbox;
    if (!world_->settings().agent_key_pool_file.empty())
      host.shared_files.push_back(world_->settings().agent_key_pool_file);
    auto started = mocks::ssh::FakeSshHost::start(host);
    if (!started.ok()) throw std::runtime_error(started.error().message);
    host_ = std::move(*started);
    std::ofstream(dir_ / "ssh_config")
        << "Host bench-host\n  HostName 127.0.0.1\n  Port " << host_->port()
        << "\n  User ubuntu\n  IdentityFile " << keys << "user_ed25519\n  UserKnownHostsFile "
        << (dir_ / "known_hosts").string() << "\n  StrictHostKeyChecking accept-new\n";

    opsworks_ = std::make_unique<clients::OpsWorksClient>(client(config::Service::kOpsWorks));
    iam_ = std::make_unique<clients::IamClient>(client(config::Service::kIam));
    args_.stack_id = kStackId;
    args_.infrastructure_class = "on-premises";
    args_.target = "bench-host";
    args_.ssh_config = (dir_ / "ssh_config").string();
  }
  ~RegisterRig() {
    host_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // One whole registration; `step_timing` sees each step's time.
  registration::Report run(
      std::function<void(const std::string&, std::chrono::nanoseconds)> step_timing) {
    output_.clear();
    registration::ProcedureDeps deps;
    deps.opsworks = opsworks_.get();
    deps.iam = iam_.get();
    deps.clock = &world_->clock();
    deps.step_timing = std::move(step_timing);
    deps.target = [this](const std::string& address) {
      registration::TargetIo io;
      io.output = [this](std::string_view d) { output_ += d; };
      return registration::make_target_runner(args_, address, io);
    };
    return registration::run_register(args_, deps);
  }

  // Removes what a registration made (the instance, the IAM user with its key, policy and group
  // membership; the group stays, as it does between registrations in one stack), so that the
  // next one registers the same hostname under the same IAM user name.
  void clean_up(const registration::Outcome& o) {
    auto& iam = world_->iam();
    if (!o.instance_id.empty()) (void)world_->opsworks().deregister_instance(o.instance_id);
    if (o.iam_user_name.empty()) return;
    if (!o.access_key_id.empty()) (void)iam.delete_access_key(o.iam_user_name, o.access_key_id);
    (void)iam.detach_user_policy(o.iam_user_name, std::string(registration::kIamPolicyArn));
    (void)iam.remove_user_from_group(o.iam_group, o.iam_user_name);
    (void)iam.delete_user(o.iam_user_name);
  }

  // The agent's log on the host (which key it used) and the script's output of the last run.
  std::string agent_log() const {
    return read(host_->root() / "var/log/aws/opsworks/opsworks-agent.log");
  }
  const std::string& output() const { return output_; }

 private:
  static std::string read(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  clients::AwsClient client(config::Service service) {
    auto made = harness_->client(service, world_->operator_credentials());
    if (!made.ok()) throw std::runtime_error(made.error().message);
    return std::move(*made);
  }

  std::unique_ptr<mocks::Harness> harness_;
  std::shared_ptr<mocks::World> world_;
  std::filesystem::path dir_;
  std::unique_ptr<mocks::ssh::FakeSshHost> host_;
  std::unique_ptr<clients::OpsWorksClient> opsworks_;
  std::unique_ptr<clients::IamClient> iam_;
  registration::Arguments args_;
  std::string output_;
};

}  // namespace opsreg::bench
