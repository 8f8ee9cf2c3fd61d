// The simulated agent: real RSA-2048 keys and their fingerprint, the key pool, the endpoint it
// derives from the preconfig, and boot-registration against the fake OpsWorks on a socket.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/agent/boot_registration.h"
#include "core/agent/rsa_key.h"
#include "mocks/edge/edge.h"
#include "mocks/world/world.h"
#include "tests/support/edge_client.h"

namespace opsreg::agent {
namespace {

// Runs a shell command and returns its stdout.
std::string shell(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[512];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  pclose(p);
  return out;
}

TEST(AgentKey, GeneratesRsa2048WithPemAndMd5SpkiFingerprint) {
  auto key = generate_rsa_key(2048);
  ASSERT_TRUE(key.ok()) << key.error().message;
  EXPECT_TRUE(key->public_pem.starts_with("-----BEGIN PUBLIC KEY-----\n"));
  EXPECT_TRUE(key->private_pem.starts_with("-----BEGIN PRIVATE KEY-----\n"));
  EXPECT_EQ(key->fingerprint.size(), 16u * 3 - 1);
  // The same as openssl's CLI: MD5 over the DER SubjectPublicKeyInfo.
  std::string path = ::testing::TempDir() + "/agent_key_test.pub";
  std::ofstream(path) << key->public_pem;
  std::string modulus_bits = shell("openssl pkey -pubin -in " + path + " -text -noout | head -1");
  EXPECT_NE(modulus_bits.find("2048 bit"), std::string::npos) << modulus_bits;
  std::string md5 = shell("openssl pkey -pubin -in " + path + " -outform DER | openssl md5 -c");
  EXPECT_NE(md5.find(key->fingerprint), std::string::npos) << md5;
  std::remove(path.c_str());
  EXPECT_EQ(*public_key_fingerprint(key->public_pem), key->fingerprint);
}

TEST(AgentKey, PoolHandsTheSameKeyForTheSameSeed) {
  std::string path = ::testing::TempDir() + "/agent_key_pool.pem";
  ASSERT_TRUE(write_key_pool(path, 3).ok());
  auto keys = read_key_pool(path);
  ASSERT_TRUE(keys.ok());
  EXPECT_EQ(keys->size(), 3u);
  auto a = key_from_pool(path, "stack/web1"), b = key_from_pool(path, "stack/web1");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->fingerprint, b->fingerprint);
  std::remove(path.c_str());
  EXPECT_EQ(key_from_pool(path, "x").error().code, "InvalidKeyPool");
}

registration::PreconfigValues preconfig_for(const std::string& edge_port,
                                            const aws::Credentials& creds) {
  return {{"stack_id", "2f18b4cb-4de5-4429-a149-ff7da9f0d8ee"},
          {"ops_works_endpoint", "127.0.0.1"},
          {"ops_works_port", edge_port},
          {"ops_works_region", "us-east-1"},
          {"ops_works_use_ssl", "false"},
          {"access_key_id", creds.access_key_id},
          {"secret_access_key", creds.secret_access_key},
          {"import", false}};
}

TEST(AgentEndpoint, BuiltFromTheOpsWorksParametersOfThePreconfig) {
  auto s = opsworks_service(preconfig_for("8080", {"AKIA1", "s", ""}));
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->endpoint.url, "http://127.0.0.1:8080");
  EXPECT_EQ(s->region, "us-east-1");
  EXPECT_EQ(s->signing_name, "opsworks");
  registration::PreconfigValues ssl = {{"stack_id", "S"},
                                       {"instance_service_endpoint", "opsworks.example.com"},
                                       {"instance_service_port", "443"},
                                       {"instance_service_region", "eu-west-1"},
                                       {"instance_service_use_ssl", "true"},
                                       {"access_key_id", "A"},
                                       {"secret_access_key", "B"}};
  EXPECT_EQ(opsworks_service(ssl)->endpoint.url, "https://opsworks.example.com");
  ssl.erase("access_key_id");
  EXPECT_EQ(opsworks_service(ssl).error().code, "NoCredentials");
}

// A fresh directory standing for a host's "/" (boot-registration writes the agent config there).
std::string temp_root(const std::string& name) {
  std::string root =
      ::testing::TempDir() + "/agent_test_" + std::to_string(::getpid()) + "_" + name;
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root);
  return root;
}

// A world with its edge on a real loopback socket.
struct LiveWorld {
  clients::ClientDeps deps() {
    clients::ClientDeps d;
    d.clock = std::shared_ptr<const Clock>(tw.world, &tw.world->clock());
    return d;
  }
  testing::TestWorld tw{nlohmann::json(), testing::Serving::kLoopback};
};

TEST(AgentBootRegistration, RegistersTheHostWithHostnameIpsAndFingerprint) {
  LiveWorld live;
  auto p =
      preconfig_for(std::to_string(live.tw.harness->port()), live.tw.world->operator_credentials());
  p["public_ip"] = "203.0.113.9";  // an override wins over the host's
  AgentHost host{temp_root("registers"), "onprem-host", "10.0.0.5", "198.51.100.1"};
  std::vector<std::string> lines;
  BootOptions options;
  options.deps = live.deps();
  options.log = [&](const std::string& l) { lines.push_back(l); };
  auto r = boot_registration(p, host, options);
  ASSERT_TRUE(r.ok()) << r.error().code << ": " << r.error().message;
  auto inst = live.tw.world->opsworks().instance(r->instance_id);
  ASSERT_TRUE(inst.ok());
  EXPECT_EQ(inst->status, "registered");
  EXPECT_EQ(inst->hostname, "onprem-host");
  EXPECT_EQ(inst->private_ip, "10.0.0.5");
  EXPECT_EQ(inst->public_ip, "203.0.113.9");
  EXPECT_EQ(inst->infrastructure_class, "on-premises");
  EXPECT_EQ(inst->rsa_public_key_fingerprint, r->fingerprint);
  EXPECT_TRUE(inst->rsa_public_key.starts_with("-----BEGIN PUBLIC KEY-----"));
  for (const auto& l : lines)
    EXPECT_EQ(l.find(live.tw.world->operator_credentials().secret_access_key), std::string::npos);
}

TEST(AgentBootRegistration, CorrectsClockSkewFromTheServiceError) {
  LiveWorld live;
  auto p =
      preconfig_for(std::to_string(live.tw.harness->port()), live.tw.world->operator_credentials());
  BootOptions options;
  options.deps = live.deps();
  // The agent's clock is an hour behind the world's.
  VirtualClock behind(live.tw.world->now() - std::chrono::hours(1));
  options.deps.clock = std::shared_ptr<const Clock>(std::shared_ptr<void>(), &behind);
  auto r = boot_registration(p, AgentHost{temp_root("skewed"), "skewed", "", ""}, options);
  ASSERT_TRUE(r.ok()) << r.error().code << ": " << r.error().message;
}

TEST(AgentBootRegistration, UnknownKeyIsRefusedByTheService) {
  LiveWorld live;
  auto p =
      preconfig_for(std::to_string(live.tw.harness->port()), {"AKIANOSUCHKEY0000000", "x", ""});
  BootOptions options;
  options.deps = live.deps();
  auto r = boot_registration(p, AgentHost{temp_root("unknown_key"), "h", "", ""}, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "UnrecognizedClientException");
}

}  // namespace
}  // namespace opsreg::agent
