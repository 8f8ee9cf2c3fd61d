// The typed OpsWorks and S3 clients against the real edge over HTTP: the stack lookups of
// the register procedure, the agent's RegisterInstance, and the services' errors.
#include "tests/integration/clients_edge_fixture.h"
#include "tests/support/read_file.h"

namespace opsreg {
namespace {

using testing::ClientsEdge;

TEST_F(ClientsEdge, OpsWorksDescribeStacksReturnsTheStack) {
  auto stacks = opsworks().describe_stacks({kStackId});
  ASSERT_TRUE(stacks.ok()) << stacks.error().message;
  ASSERT_EQ(stacks->size(), 1u);
  const clients::Stack& s = stacks->at(0);
  EXPECT_EQ(s.stack_id, kStackId);
  EXPECT_EQ(s.name, "MyStack");
  EXPECT_EQ(s.region, "us-east-1");
  EXPECT_EQ(s.arn, std::string("arn:aws:opsworks:us-east-1:123456789012:stack/") + kStackId + "/");
  EXPECT_EQ(s.vpc_id, "");
}

TEST_F(ClientsEdge, OpsWorksUnknownStackIsResourceNotFound) {
  auto stacks = opsworks().describe_stacks({"00000000-0000-0000-0000-000000000000"});
  ASSERT_FALSE(stacks.ok());
  EXPECT_EQ(stacks.error().code, "ResourceNotFoundException");
  EXPECT_EQ(stacks.error().http_status, 400);
  EXPECT_FALSE(stacks.error().message.empty());
}

TEST_F(ClientsEdge, OpsWorksProvisioningParametersNameTheInstaller) {
  auto p = opsworks().describe_stack_provisioning_parameters(kStackId);
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_NE(p->agent_installer_url.find("opsworks-agent-installer.tgz"), std::string::npos)
      << p->agent_installer_url;
  EXPECT_EQ(p->parameters.at("assets_download_bucket"), "opsworks-instance-assets-us-east-1");
}

TEST_F(ClientsEdge, OpsWorksRegisterDescribeDeregister) {
  clients::OpsWorksClient c = opsworks();
  clients::RegisterInstanceRequest r;
  r.stack_id = kStackId;
  r.hostname = "web1";
  r.private_ip = "10.0.0.5";
  r.public_ip = "203.0.113.5";
  // A real RSA public key in PEM: the fake refuses anything else, as an agent sends no other.
  r.rsa_public_key =
      testing::read_file(std::string(OPSREG_SOURCE_DIR) + "/fixtures/ec2/identity-signing.pub.pem");
  r.rsa_public_key_fingerprint = "aa:bb:cc";
  auto id = c.register_instance(r);
  ASSERT_TRUE(id.ok()) << id.error().code << ": " << id.error().message;

  clients::DescribeInstancesFilter f;
  f.stack_id = kStackId;
  auto instances = c.describe_instances(f);
  ASSERT_TRUE(instances.ok()) << instances.error().message;
  ASSERT_EQ(instances->size(), 1u);
  const clients::Instance& i = instances->at(0);
  EXPECT_EQ(i.instance_id, *id);
  EXPECT_EQ(i.hostname, "web1");
  EXPECT_EQ(i.private_ip, "10.0.0.5");
  EXPECT_EQ(i.public_ip, "203.0.113.5");
  EXPECT_EQ(i.infrastructure_class, "on-premises");
  EXPECT_EQ(i.registered_by, "arn:aws:iam::123456789012:root");

  ASSERT_TRUE(c.deregister_instance(*id).ok());
  clients::DescribeInstancesFilter by_id;
  by_id.instance_ids = {*id};
  auto after = c.describe_instances(by_id);
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().code, "ResourceNotFoundException");
}

TEST_F(ClientsEdge, OpsWorksDescribeInstancesWithTwoFiltersIsValidationException) {
  clients::DescribeInstancesFilter f;
  f.stack_id = kStackId;
  f.layer_id = "5a6e1f3c-2d8b-4c1e-9f4a-7b3c2d1e0f9a";
  auto r = opsworks().describe_instances(f);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "ValidationException");
}

TEST_F(ClientsEdge, OpsWorksCallNotAllowedIsAccessDeniedException) {
  act_as_limited_user();
  auto r = opsworks().describe_stacks({kStackId});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "AccessDeniedException");
  EXPECT_TRUE(delays.empty());
}

TEST_F(ClientsEdge, OpsWorksEndpointFlagCanBeDeclinedPerClient) {
  // --endpoint-url applies to OpsWorks; the IAM client of `register` ignores it.
  vars.erase("AWS_ENDPOINT_URL");
  vars["AWS_ENDPOINT_URL_IAM"] = tw->url();
  flags.endpoint_url = tw->url();
  config::ServiceOptions no_flag;
  no_flag.use_endpoint_flag = false;
  ASSERT_TRUE(factory().opsworks().value().describe_stacks({kStackId}).ok());
  auto iam = factory().iam(no_flag);
  ASSERT_TRUE(iam.ok());
  EXPECT_EQ(iam->raw().config().endpoint.source, "env-service");
  EXPECT_TRUE(iam->create_user("declined-flag").ok());
}

TEST_F(ClientsEdge, S3GetObjectPathStyle) {
  auto s3 = factory().s3();
  ASSERT_TRUE(s3.ok());
  auto o = s3->get_object("clients-bucket", "dir/hello.txt");
  ASSERT_TRUE(o.ok()) << o.error().code << ": " << o.error().message;
  EXPECT_EQ(o->body, "hello, clients");
  EXPECT_EQ(o->content_length, 14);
  EXPECT_FALSE(o->etag.empty());
  auto part = s3->get_object("clients-bucket", "dir/hello.txt", "bytes=0-4");
  ASSERT_TRUE(part.ok());
  EXPECT_EQ(part->body, "hello");
}

TEST_F(ClientsEdge, S3MissingKeyIsNoSuchKey) {
  auto o = factory().s3().value().get_object("clients-bucket", "nope");
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.error().code, "NoSuchKey");
  EXPECT_EQ(o.error().http_status, 404);
}

TEST_F(ClientsEdge, DebugHookSeesEveryExchangeWithoutSecrets) {
  std::vector<std::string> lines;
  auto e = config::AwsEnvironment::load(flags, config::env_from_map(vars));
  ASSERT_TRUE(e.ok());
  clients::ClientDeps d = deps();
  d.debug = [&](const clients::DebugEvent& ev) {
    lines.push_back(clients::format_debug_event(ev));
  };
  clients::ClientFactory f(*e.value(), d);
  auto key = f.iam().value().create_user("debugged");
  ASSERT_TRUE(key.ok());
  auto ak = f.iam().value().create_access_key("debugged");
  ASSERT_TRUE(ak.ok());
  ASSERT_EQ(lines.size(), 4u);
  for (const std::string& l : lines) {
    EXPECT_EQ(l.find(ak->secret_access_key), std::string::npos) << l;
    EXPECT_EQ(l.find(tw->world->operator_credentials().secret_access_key), std::string::npos);
  }
  EXPECT_NE(lines[3].find("<SecretAccessKey>REDACTED</SecretAccessKey>"), std::string::npos)
      << lines[3];
}

}  // namespace
}  // namespace opsreg
