// boot-registration on an EC2 instance: `import: true` sends InstanceIdentity{Document,
// Signature} as the metadata service serves them and the instance's addresses from
// local-ipv4 / public-ipv4; a preconfig without a key signs RegisterInstance with the
// instance profile's credentials and session token. OpsWorks and IMDS are scripted wires.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/agent/boot_registration.h"
#include "tests/support/imds_wire.h"

namespace opsreg::agent {
namespace {

using testing::ScriptedAws;

constexpr char kInstanceId[] = "i-1234567890abcdef0";
constexpr char kSignature[] =
    "dExamplesjNQhhJan7pORLpLSr7lJEF4V2DhKGlyoYVBoUYrY9njyBCmhEayaGrhtS/AWY+LPx\n"
    "lVSQURF5n0gwPNCuO6ICT0fNrm5IH7w9ydyaexamplejJw8XvWPxbuRkcN0TAA1p4RtCAqm4ms\n"
    "x2oALjWSCBExample=";

struct Ec2Agent {
  Ec2Agent() {
    opsworks = std::make_shared<ScriptedAws>();
    imds = std::make_shared<ScriptedAws>();
    opsworks->reply("OpsWorks_20130218.RegisterInstance", 200,
                    R"({"InstanceId":"4d6d1710-ded9-42a1-b08e-b043ad7af1e2"})");
    opsworks->reply("OpsWorks_20130218.AgentInitialSetup", 200,
                    R"({"Status":"registered","HostsFile":"127.0.0.1 localhost\n"})");
    // The host's "/": boot-registration writes its agent config and /etc/hosts there.
    root = ::testing::TempDir() + "/agent_ec2_import_" + std::to_string(::getpid());
    std::filesystem::remove_all(root);
    std::filesystem::create_directories(root);
    document = testing::identity_document_json(kInstanceId, "us-west-2", "172.31.5.17");
    paths = {{"dynamic/instance-identity/document", document},
             {"dynamic/instance-identity/signature", kSignature},
             {"meta-data/local-ipv4", "172.31.5.17"},
             {"meta-data/public-ipv4", "54.194.252.215"},
             {"meta-data/iam/security-credentials/", "opsworks-ec2-role"},
             {"meta-data/iam/security-credentials/opsworks-ec2-role",
              testing::role_credentials_json("ASIAIOSFODNN7EXAMPLE", "role/secret/key",
                                             "IQoJb3JpZ2luX2VjEXAMPLE", "2026-11-26T23:31:28Z")}};
    preconfig = {{"stack_id", "2f18b4cb-4de5-4429-a149-ff7da9f0d8ee"},
                 {"ops_works_endpoint", "opsworks.us-west-2.amazonaws.com"},
                 {"ops_works_port", "443"},
                 {"ops_works_region", "us-west-2"},
                 {"ops_works_use_ssl", "true"},
                 {"access_key_id", "AKIAIOSFODNN7EXAMPLE"},
                 {"secret_access_key", "user/secret/key"},
                 {"import", true}};
  }

  Result<BootResult> boot() {
    testing::script_imds(*imds, paths);
    BootOptions options;
    options.deps.transport = opsworks;
    options.deps.sleeper = [](std::chrono::milliseconds) {};
    options.deps.random = [] { return 0.0; };
    config::MetadataOptions m;
    m.transport = imds;
    options.metadata = m;
    options.log = [this](const std::string& l) { log.push_back(l); };
    return boot_registration(preconfig, AgentHost{root, "ip-172-31-5-17", "", ""}, options);
  }
  nlohmann::json sent_body() const {
    auto sent = opsworks->requests("OpsWorks_20130218.RegisterInstance");
    EXPECT_EQ(sent.size(), 1u);
    return sent.empty() ? nlohmann::json() : nlohmann::json::parse(sent[0].body);
  }

  std::shared_ptr<ScriptedAws> opsworks, imds;
  std::string root;
  std::string document;
  std::map<std::string, std::string> paths;
  registration::PreconfigValues preconfig;
  std::vector<std::string> log;
};

TEST(AgentEc2Import, SendsTheIdentityDocumentAndSignatureAsServed) {
  Ec2Agent a;
  auto r = a.boot();
  ASSERT_TRUE(r.ok()) << r.error().code << ": " << r.error().message;
  nlohmann::json body = a.sent_body();
  EXPECT_EQ(body["InstanceIdentity"]["Document"], a.document) << "the exact bytes signed";
  EXPECT_EQ(body["InstanceIdentity"]["Signature"], kSignature);
  EXPECT_EQ(body["Hostname"], "ip-172-31-5-17");
  EXPECT_EQ(r->instance_id, "4d6d1710-ded9-42a1-b08e-b043ad7af1e2");
}

TEST(AgentEc2Import, AddressesComeFromLocalIpv4AndPublicIpv4) {
  Ec2Agent a;
  auto r = a.boot();
  ASSERT_TRUE(r.ok()) << r.error().message;
  nlohmann::json body = a.sent_body();
  EXPECT_EQ(body["PrivateIp"], "172.31.5.17");
  EXPECT_EQ(body["PublicIp"], "54.194.252.215");
}

TEST(AgentEc2Import, NoPublicIpv4MeansNoPublicIp) {
  Ec2Agent a;
  a.paths.erase("meta-data/public-ipv4");  // IMDS answers 404
  auto r = a.boot();
  ASSERT_TRUE(r.ok()) << r.error().message;
  nlohmann::json body = a.sent_body();
  EXPECT_FALSE(body.contains("PublicIp"));
  EXPECT_EQ(body["PrivateIp"], "172.31.5.17");
}

TEST(AgentEc2Import, KeyInThePreconfigSignsAndNoRoleIsAsked) {
  Ec2Agent a;
  ASSERT_TRUE(a.boot().ok());
  const http::Request req = a.opsworks->requests("OpsWorks_20130218.RegisterInstance").at(0);
  EXPECT_NE(req.header("Authorization").find("Credential=AKIAIOSFODNN7EXAMPLE/"),
            std::string::npos);
  EXPECT_EQ(req.header("X-Amz-Security-Token"), "");
  EXPECT_EQ(a.imds->count("GET /latest/meta-data/iam/security-credentials/"), 0);
}

TEST(AgentEc2Import, NoKeyInThePreconfigSignsWithTheInstanceProfile) {
  Ec2Agent a;
  a.preconfig.erase("access_key_id");
  a.preconfig.erase("secret_access_key");
  auto r = a.boot();
  ASSERT_TRUE(r.ok()) << r.error().code << ": " << r.error().message;
  const http::Request req = a.opsworks->requests("OpsWorks_20130218.RegisterInstance").at(0);
  EXPECT_NE(req.header("Authorization").find("Credential=ASIAIOSFODNN7EXAMPLE/"),
            std::string::npos);
  EXPECT_EQ(req.header("X-Amz-Security-Token"), "IQoJb3JpZ2luX2VjEXAMPLE");
  for (const auto& l : a.log) {
    EXPECT_EQ(l.find("role/secret/key"), std::string::npos);
    EXPECT_EQ(l.find("IQoJb3JpZ2luX2VjEXAMPLE"), std::string::npos);
  }
}

TEST(AgentEc2Import, NoKeyAndNoRoleIsNoCredentialsBeforeAnyCall) {
  Ec2Agent a;
  a.preconfig.erase("access_key_id");
  a.preconfig.erase("secret_access_key");
  a.paths.erase("meta-data/iam/security-credentials/");
  auto r = a.boot();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "NoCredentials");
  EXPECT_EQ(a.opsworks->count("OpsWorks_20130218.RegisterInstance"), 0);
}

TEST(AgentEc2Import, UnreachableMetadataServiceFailsBeforeRegistering) {
  Ec2Agent a;
  a.imds->queue("PUT /latest/api/token", aws::make_error("EndpointConnectionError", "refused", 0));
  auto r = a.boot();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "MetadataServiceUnavailable");
  EXPECT_EQ(a.opsworks->count("OpsWorks_20130218.RegisterInstance"), 0);
  EXPECT_EQ(a.imds->sent.size(), 1u);
}

TEST(AgentEc2Import, OnPremisesPreconfigNeverAsksTheMetadataService) {
  Ec2Agent a;
  a.preconfig["import"] = false;
  ASSERT_TRUE(a.boot().ok());
  EXPECT_TRUE(a.imds->sent.empty());
  EXPECT_FALSE(a.sent_body().contains("InstanceIdentity"));
}

}  // namespace
}  // namespace opsreg::agent
