// Test support for the typed clients against the real edge over HTTP: a test world (with a
// limited IAM user and an S3 bucket) served on 127.0.0.1:0, and an
// AwsEnvironment that reaches it through AWS_ENDPOINT_URL, as a user of `opsreg serve` would.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>

#include "core/clients/client_factory.h"
#include "tests/support/edge_client.h"

namespace opsreg::testing {

inline nlohmann::json clients_world() {
  std::ifstream in(mocks::World::default_world_path());
  nlohmann::json w = nlohmann::json::parse(in);
  w["identities"] =
      nlohmann::json::array({{{"user_name", "limited"},
                              {"path", "/"},
                              {"access_key_id", "AKIALIMITEDUSER00001"},
                              {"secret_access_key", "limited/secret/key/0000000000000000000000"},
                              {"policies",
                               {{"iam-users",
                                 {{"Version", "2012-10-17"},
                                  {"Statement",
                                   {{{"Effect", "Allow"},
                                     {"Action", {"iam:CreateUser", "iam:GetUser"}},
                                     {"Resource", "*"}}}}}}}}}});
  w["buckets"] = nlohmann::json::array(
      {{{"name", "clients-bucket"},
        {"region", "us-east-1"},
        {"public_read", false},
        {"objects", {{{"key", "dir/hello.txt"}, {"content", "hello, clients"}}}}}});
  return w;
}

class ClientsEdge : public ::testing::Test {
 protected:
  void SetUp() override {
    tw = std::make_unique<TestWorld>(clients_world(), Serving::kLoopback);
    vars = {{"HOME", "/nonexistent-opsreg-home"},
            {"AWS_ACCESS_KEY_ID", tw->world->operator_credentials().access_key_id},
            {"AWS_SECRET_ACCESS_KEY", tw->world->operator_credentials().secret_access_key},
            {"AWS_REGION", "us-east-1"},
            {"AWS_ENDPOINT_URL", tw->url()}};
  }
  void TearDown() override {
    // Close our keep-alive connections before the world's server stops: it waits for open ones.
    factory_.reset();
    env.reset();
    tw.reset();
  }

  // Dependencies on the world's virtual clock; backoff delays are recorded, never waited.
  clients::ClientDeps deps() {
    clients::ClientDeps d;
    d.clock = std::shared_ptr<const Clock>(tw->world, &tw->world->clock());
    d.sleeper = [this](std::chrono::milliseconds ms) { delays.push_back(ms); };
    d.random = [] { return 0.5; };
    return d;
  }

  // A factory over the current `vars` and `flags`.
  clients::ClientFactory& factory() {
    auto e = config::AwsEnvironment::load(flags, config::env_from_map(vars));
    if (!e.ok()) throw std::runtime_error(e.error().message);
    env = std::move(e.value());
    factory_ = std::make_unique<clients::ClientFactory>(*env, deps());
    return *factory_;
  }
  clients::IamClient iam() { return factory().iam().value(); }
  clients::OpsWorksClient opsworks() { return factory().opsworks().value(); }

  void act_as_limited_user() {
    vars["AWS_ACCESS_KEY_ID"] = "AKIALIMITEDUSER00001";
    vars["AWS_SECRET_ACCESS_KEY"] = "limited/secret/key/0000000000000000000000";
  }

  static constexpr const char* kStackId = "2f18b4cb-4de5-4429-a149-ff7da9f0d8ee";

  std::unique_ptr<TestWorld> tw;
  std::map<std::string, std::string> vars;
  config::GlobalFlags flags;
  std::unique_ptr<config::AwsEnvironment> env;
  std::vector<std::chrono::milliseconds> delays;

 private:
  std::unique_ptr<clients::ClientFactory> factory_;
};

}  // namespace opsreg::testing
