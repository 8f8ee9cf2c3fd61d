// The agent's config on its host (etc/aws/opsworks/instance-agent.yml): what boot-registration
// keeps from the preconfig, written 0600 in the preconfig's format, and read back.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "tests/support/agent_fixture.h"

namespace opsreg::agent {
namespace {

namespace fs = std::filesystem;

fs::path fresh_root(const std::string& name) {
  fs::path root =
      fs::path(::testing::TempDir()) / ("agent_config_" + std::to_string(::getpid()) + "_" + name);
  fs::remove_all(root);
  fs::create_directories(root);
  return root;
}

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 07777;
}

TEST(AgentConfig, KeepsStackInstanceHostnameEndpointAndKeyButNotTheRest) {
  registration::PreconfigValues preconfig = {{"stack_id", "S"},
                                             {"ops_works_endpoint", "127.0.0.1"},
                                             {"ops_works_port", "8080"},
                                             {"ops_works_use_ssl", "false"},
                                             {"ops_works_region", "us-east-1"},
                                             {"access_key_id", "AKIA1"},
                                             {"secret_access_key", "s3cr3t"},
                                             {"assets_download_bucket", "b"},
                                             {"import", false},
                                             {"private_ip", "10.0.0.1"}};
  auto v = agent_config_values(preconfig, "i-1", "web-1");
  registration::PreconfigValues expected = {{"stack_id", "S"},
                                            {"instance_id", "i-1"},
                                            {"hostname", "web-1"},
                                            {"ops_works_endpoint", "127.0.0.1"},
                                            {"ops_works_port", "8080"},
                                            {"ops_works_use_ssl", "false"},
                                            {"ops_works_region", "us-east-1"},
                                            {"access_key_id", "AKIA1"},
                                            {"secret_access_key", "s3cr3t"}};
  EXPECT_EQ(v, expected);
  // Without a key in the preconfig (instance profile) the config has none either.
  preconfig.erase("access_key_id");
  preconfig.erase("secret_access_key");
  v = agent_config_values(preconfig, "i-1", "web-1");
  EXPECT_FALSE(v.contains("access_key_id"));
  EXPECT_FALSE(v.contains("secret_access_key"));
}

TEST(AgentConfig, RoundTripsThroughA0600FileInThePreconfigFormat) {
  fs::path root = fresh_root("round_trip");
  AgentHost host{root.string(), "web-1", "", ""};
  registration::PreconfigValues values = {{"stack_id", "S"},
                                          {"instance_id", "i-1"},
                                          {"hostname", "web-1"},
                                          {"ops_works_port", "8080"},
                                          {"secret_access_key", "a/b+c\u00e9"}};
  ASSERT_TRUE(write_agent_config(host, values).ok());
  fs::path file = root / "etc/aws/opsworks/instance-agent.yml";
  EXPECT_EQ(mode_of(file), 0600u);
  std::ifstream in(file);
  std::string first;
  std::getline(in, first);
  EXPECT_EQ(first, ":hostname: \"web-1\"");  // sorted by key, `:key: <JSON>` lines
  auto back = read_agent_config(host);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, values);
  // Rewriting a file that was left readable by others makes it 0600 again.
  fs::permissions(file, fs::perms::all);
  ASSERT_TRUE(write_agent_config(host, values).ok());
  EXPECT_EQ(mode_of(file), 0600u);
  // Written under another name, then renamed: nothing else is left in the folder.
  EXPECT_EQ(std::distance(fs::directory_iterator(file.parent_path()), fs::directory_iterator()), 1);
  fs::remove_all(root);
}

TEST(AgentConfig, MissingFileIsNoAgentConfig) {
  fs::path root = fresh_root("missing");
  auto r = read_agent_config(AgentHost{root.string(), "h", "", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "NoAgentConfig");
  fs::remove_all(root);
}

class AgentConfigBoot : public testing::AgentWorld {};

TEST_F(AgentConfigBoot, BootRegistrationWritesTheConfigAfterRegisterInstance) {
  auto h = register_host("web-1");
  ASSERT_FALSE(h.instance_id.empty());
  fs::path file = h.root / "etc/aws/opsworks/instance-agent.yml";
  EXPECT_EQ(mode_of(file), 0600u);
  auto config = read_agent_config(h.host());
  ASSERT_TRUE(config.ok());
  EXPECT_EQ((*config)["instance_id"], h.instance_id);
  EXPECT_EQ((*config)["stack_id"], testing::kAgentStackId);
  EXPECT_EQ((*config)["hostname"], "web-1");
  EXPECT_EQ((*config)["access_key_id"], h.key.access_key_id);
  EXPECT_EQ((*config)["ops_works_region"], "us-east-1");
}

TEST_F(AgentConfigBoot, RefusedRegistrationWritesNoConfig) {
  fs::path root = fresh_root("refused");
  BootOptions options;
  options.deps = deps();
  options.key_pool = world().settings().agent_key_pool_file;
  auto r =
      boot_registration(preconfig("refused", aws::Credentials{"AKIANOSUCHKEY0000000", "x", ""}),
                        AgentHost{root.string(), "refused", "", ""}, options);
  ASSERT_FALSE(r.ok());
  EXPECT_FALSE(fs::exists(root / "etc/aws/opsworks/instance-agent.yml"));
  fs::remove_all(root);
}

}  // namespace
}  // namespace opsreg::agent
