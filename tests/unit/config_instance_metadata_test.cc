// The IMDSv2 client and the "iam-role" credential provider: token PUT with its TTL header,
// GETs with the token, a new token after a 401, the IMDSv1 fallback, fail-fast when nothing
// answers (one request, no retry), AWS_EC2_METADATA_* settings, and the default chain ending
// with the instance profile whose session token AwsClient sends as X-Amz-Security-Token.
#include <gtest/gtest.h>
#include <httplib.h>

#include <thread>

#include "core/clients/client_factory.h"
#include "core/config/instance_metadata.h"
#include "tests/support/imds_wire.h"
#include "tests/support/loopback_port.h"
#include "tests/unit/config_fixture.h"

namespace opsreg::config {
namespace {

using testing::ScriptedAws;

constexpr char kToken[] = "AQAEAFTNrA4eEGx0AQgJ1arIq_Cc-t4tWt3fB0Hd8RKhXlKc5ccvhg==";

struct Imds {
  Imds() {
    transport = std::make_shared<ScriptedAws>();
    options.endpoint = "http://169.254.169.254";
    options.transport = transport;
  }
  InstanceMetadataClient client() { return InstanceMetadataClient(options); }
  std::shared_ptr<ScriptedAws> transport;
  MetadataOptions options;
};

TEST(InstanceMetadata, TokenIsPutWithItsTtlAndSentWithEveryGet) {
  Imds imds;
  testing::script_imds(*imds.transport, {{"meta-data/local-ipv4", "172.31.5.17"},
                                         {"meta-data/instance-id", "i-0abc"}});
  InstanceMetadataClient c = imds.client();
  EXPECT_EQ(c.get("meta-data/local-ipv4").value(), "172.31.5.17");
  EXPECT_EQ(c.get("meta-data/instance-id").value(), "i-0abc");
  auto puts = imds.transport->requests("PUT /latest/api/token");
  ASSERT_EQ(puts.size(), 1u) << "one token for the session";
  EXPECT_EQ(puts[0].header("X-aws-ec2-metadata-token-ttl-seconds"), "21600");
  for (const auto& g : imds.transport->requests("GET /latest/meta-data/local-ipv4"))
    EXPECT_EQ(g.header("X-aws-ec2-metadata-token"), kToken);
  EXPECT_EQ(imds.transport->sent[0].origin, "http://169.254.169.254");
}

TEST(InstanceMetadata, ExpiredTokenGets401AndOneNewToken) {
  Imds imds;
  testing::script_imds(*imds.transport, {{"meta-data/instance-id", "i-0abc"}}, "new-token");
  imds.transport->queue("PUT /latest/api/token", http::Response{200, {}, "old-token"});
  InstanceMetadataClient c = imds.client();
  auto id = c.get("meta-data/instance-id");
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_EQ(*id, "i-0abc");
  EXPECT_EQ(imds.transport->count("PUT /latest/api/token"), 2);
  EXPECT_EQ(imds.transport->count("GET /latest/meta-data/instance-id"), 2);
}

TEST(InstanceMetadata, MissingPathIsMetadataNotFound) {
  Imds imds;
  testing::script_imds(*imds.transport, {});
  auto r = imds.client().get("meta-data/public-ipv4");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, kMetadataNotFound);
  EXPECT_EQ(r.error().http_status, 404);
}

TEST(InstanceMetadata, TokenRefusedWith403FallsBackToImdsV1) {
  Imds imds;
  imds.transport->reply("PUT /latest/api/token", 403, "");
  imds.transport->reply("GET /latest/meta-data/instance-id", 200, "i-0v1");
  auto r = imds.client().get("meta-data/instance-id");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r, "i-0v1");
  EXPECT_EQ(imds.transport->requests("GET /latest/meta-data/instance-id")[0].header(
                "X-aws-ec2-metadata-token"),
            "");
}

TEST(InstanceMetadata, NoResponseToTheTokenFailsFastWithoutAnyGet) {
  Imds imds;
  imds.transport->queue("PUT /latest/api/token",
                        aws::make_error("ConnectTimeoutError", "Connect timeout", 0));
  InstanceMetadataClient c = imds.client();
  auto r = c.get("dynamic/instance-identity/document");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, kMetadataUnavailable);
  EXPECT_NE(r.error().message.find("http://169.254.169.254"), std::string::npos);
  auto again = c.role_credentials();
  EXPECT_EQ(again.error().code, kMetadataUnavailable);
  EXPECT_EQ(imds.transport->sent.size(), 1u) << "unreachable once: no further request";
}

TEST(InstanceMetadata, DisabledMakesNoRequest) {
  Imds imds;
  imds.options.disabled = true;
  auto r = imds.client().get("meta-data/instance-id");
  EXPECT_EQ(r.error().code, kMetadataDisabled);
  EXPECT_TRUE(imds.transport->sent.empty());
}

TEST(InstanceMetadata, IdentityDocumentKeepsTheServedBytesAndReadsTheFields) {
  Imds imds;
  std::string doc = testing::identity_document_json("i-1234567890abcdef0", "us-west-2", "10.0.0.7");
  testing::script_imds(*imds.transport,
                       {{"dynamic/instance-identity/document", doc},
                        {"dynamic/instance-identity/signature", "c2lnbmF0dXJl\n"}});
  InstanceMetadataClient c = imds.client();
  auto d = c.identity_document();
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->text, doc);
  EXPECT_EQ(d->region, "us-west-2");
  EXPECT_EQ(d->instance_id, "i-1234567890abcdef0");
  EXPECT_EQ(d->account_id, "123456789012");
  EXPECT_EQ(d->availability_zone, "us-west-2a");
  EXPECT_EQ(d->private_ip, "10.0.0.7");
  EXPECT_EQ(c.identity_signature().value(), "c2lnbmF0dXJl");
}

TEST(InstanceMetadata, RoleCredentialsComeFromTheRoleNamedBySecurityCredentials) {
  Imds imds;
  testing::script_imds(
      *imds.transport,
      {{"meta-data/iam/security-credentials/", "opsworks-instance-role"},
       {"meta-data/iam/security-credentials/opsworks-instance-role",
        testing::role_credentials_json("ASIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG", "IQoJb3Jp",
                                       "2026-11-26T23:31:28Z")}});
  auto c = imds.client().role_credentials();
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->role_name, "opsworks-instance-role");
  EXPECT_EQ(c->credentials.access_key_id, "ASIAIOSFODNN7EXAMPLE");
  EXPECT_EQ(c->credentials.secret_access_key, "wJalrXUtnFEMI/K7MDENG");
  EXPECT_EQ(c->credentials.session_token, "IQoJb3Jp");
  EXPECT_EQ(c->expiration, "2026-11-26T23:31:28Z");
  EXPECT_TRUE(c->expires_at.has_value());
}

TEST(InstanceMetadata, NoRoleAttachedIsNotFoundAndTheProviderFindsNothing) {
  Imds imds;
  testing::script_imds(*imds.transport, {});  // security-credentials/ is 404
  EXPECT_EQ(imds.client().role_credentials().error().code, kMetadataNotFound);
  EXPECT_FALSE(instance_profile_provider(imds.options)->load().has_value());
}

TEST(InstanceMetadata, RoleJsonWithAnErrorCodeIsNoCredentials) {
  Imds imds;
  testing::script_imds(
      *imds.transport,
      {{"meta-data/iam/security-credentials/", "r"},
       {"meta-data/iam/security-credentials/r",
        R"({"Code":"AssumeRoleUnauthorizedAccess","Message":"EC2 cannot assume the role r."})"}});
  auto c = imds.client().role_credentials();
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, kMetadataError);
  EXPECT_NE(c.error().message.find("AssumeRoleUnauthorizedAccess"), std::string::npos);
}

TEST(InstanceMetadata, ProviderSourceIsIamRoleWithTheSessionToken) {
  Imds imds;
  testing::script_imds(
      *imds.transport,
      {{"meta-data/iam/security-credentials/", "r"},
       {"meta-data/iam/security-credentials/r",
        testing::role_credentials_json("ASIA1", "s", "tok", "2026-11-26T23:00:00Z")}});
  auto found = instance_profile_provider(imds.options)->load();
  ASSERT_TRUE(found.has_value() && found->ok());
  EXPECT_EQ((*found)->source, "iam-role");
  EXPECT_EQ((*found)->credentials.session_token, "tok");
}

TEST(InstanceMetadata, InvalidEndpointStopsTheChain) {
  MetadataOptions o;
  o.endpoint = "169.254.169.254";
  auto found = instance_profile_provider(o)->load();
  ASSERT_TRUE(found.has_value());
  ASSERT_FALSE(found->ok());
  EXPECT_EQ(found->error().code, kInvalidMetadataEndpoint);
  EXPECT_EQ(found->error().message,
            "Invalid endpoint EC2 Instance Metadata endpoint: 169.254.169.254");
}

TEST(InstanceMetadataOptions, ReadFromTheEnvironmentAsBotocoreDoes) {
  auto o = MetadataOptions::from_env(env_from_map({}));
  EXPECT_EQ(o.endpoint, "http://169.254.169.254");
  EXPECT_FALSE(o.disabled);
  EXPECT_EQ(o.timeout, std::chrono::milliseconds(1000));
  o = MetadataOptions::from_env(
      env_from_map({{"AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:7777"},
                    {"AWS_EC2_METADATA_DISABLED", "TRUE"},
                    {"AWS_METADATA_SERVICE_TIMEOUT", "2.5"}}));
  EXPECT_EQ(o.endpoint, "http://127.0.0.1:7777");
  EXPECT_TRUE(o.disabled);
  EXPECT_EQ(o.timeout, std::chrono::milliseconds(2500));
  EXPECT_FALSE(
      MetadataOptions::from_env(env_from_map({{"AWS_EC2_METADATA_DISABLED", "false"}})).disabled);
}

// A real IMDSv2 on a loopback socket, for the chain as AwsEnvironment builds it.
class LoopbackImds {
 public:
  LoopbackImds() {
    server_.Put("/latest/api/token", [](const httplib::Request& req, httplib::Response& res) {
      if (!req.has_header("X-aws-ec2-metadata-token-ttl-seconds")) {
        res.status = 400;
        return;
      }
      res.set_content(kToken, "text/plain");
    });
    server_.Get(R"(/latest/meta-data/iam/security-credentials/(.*))",
                [](const httplib::Request& req, httplib::Response& res) {
                  if (req.get_header_value("X-aws-ec2-metadata-token") != kToken) {
                    res.status = 401;
                    return;
                  }
                  if (req.matches[1].str().empty())
                    res.set_content("instance-role", "text/plain");
                  else if (req.matches[1].str() == "instance-role")
                    res.set_content(testing::role_credentials_json("ASIAROLE", "role-secret",
                                                                   "role-session-token",
                                                                   "2026-11-26T23:00:00Z"),
                                    "text/plain");
                  else
                    res.status = 404;
                });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~LoopbackImds() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

TEST(InstanceProfileChain, NoOtherCredentialsUsesTheInstanceProfileAndSendsItsToken) {
  LoopbackImds imds;
  testing::AwsHome home;
  home.vars.erase("AWS_EC2_METADATA_DISABLED");
  home.vars["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = imds.url();
  home.vars["AWS_REGION"] = "us-east-1";
  auto env = home.load();
  ASSERT_TRUE(env.ok()) << env.error().message;
  EXPECT_EQ((*env)->credentials_source(), "iam-role");
  EXPECT_EQ((*env)->credentials()->access_key_id, "ASIAROLE");

  auto scripted = std::make_shared<ScriptedAws>();
  scripted->reply("OpsWorks_20130218.DescribeStacks", 200, R"({"Stacks":[]})");
  clients::ClientDeps deps;
  deps.transport = scripted;
  clients::ClientFactory factory(**env, deps);
  ASSERT_TRUE(factory.opsworks().value().describe_stacks({}).ok());
  const http::Request& sent = scripted->sent.at(0).request;
  EXPECT_EQ(sent.header("X-Amz-Security-Token"), "role-session-token");
  EXPECT_NE(sent.header("Authorization").find("Credential=ASIAROLE/"), std::string::npos);
}

TEST(InstanceProfileChain, EnvironmentKeysComeBeforeTheInstanceProfile) {
  LoopbackImds imds;
  testing::AwsHome home;
  home.vars.erase("AWS_EC2_METADATA_DISABLED");
  home.vars["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = imds.url();
  home.vars["AWS_ACCESS_KEY_ID"] = "AKIDENV";
  home.vars["AWS_SECRET_ACCESS_KEY"] = "env-secret";
  auto env = home.load();
  EXPECT_EQ((*env)->credentials_source(), "env");
}

TEST(InstanceProfileChain, UnreachableMetadataServiceIsNoCredentialsAtOnce) {
  testing::AwsHome home;
  home.vars.erase("AWS_EC2_METADATA_DISABLED");
  // Nobody listens on this loopback port: the connection is refused, no timeout is waited.
  home.vars["AWS_EC2_METADATA_SERVICE_ENDPOINT"] =
      "http://127.0.0.1:" + std::to_string(testing::free_loopback_port());
  auto started = std::chrono::steady_clock::now();
  auto env = home.load();
  auto took = std::chrono::steady_clock::now() - started;
  ASSERT_TRUE(env.ok());
  EXPECT_EQ((*env)->credentials().error().code, "NoCredentials");
  EXPECT_LT(took, std::chrono::milliseconds(500));
}

TEST(InstanceProfileChain, DisabledMetadataServiceIsNeverAsked) {
  LoopbackImds imds;
  testing::AwsHome home;  // AWS_EC2_METADATA_DISABLED=true preset
  home.vars["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = imds.url();
  auto env = home.load();
  EXPECT_EQ((*env)->credentials().error().code, "NoCredentials");
}

}  // namespace
}  // namespace opsreg::config
