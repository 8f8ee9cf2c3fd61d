// The EC2 client against scripted EC2 wire responses: DescribeInstances' query lists
// (InstanceId.N, Filter.N.Value.M), the reservationSet → instancesSet reading, NextToken
// pages, EC2's <Response><Errors> errors, and the endpoint from AWS_ENDPOINT_URL_EC2.
#include <gtest/gtest.h>

#include "core/clients/client_factory.h"
#include "core/clients/ec2_client.h"
#include "tests/support/ec2_wire.h"
#include "tests/support/scripted_aws.h"
#include "tests/unit/config_fixture.h"

namespace opsreg::clients {
namespace {

using testing::ScriptedAws;
using testing::WireInstance;

struct Ec2Harness {
  Ec2Harness() {
    transport = std::make_shared<ScriptedAws>();
    ClientDeps deps;
    deps.transport = transport;
    deps.clock = std::make_shared<VirtualClock>(TimePoint(std::chrono::seconds(1767225600)));
    deps.sleeper = [](std::chrono::milliseconds) {};
    deps.random = [] { return 0.0; };
    config::ServiceConfig c;
    c.service = config::Service::kEc2;
    c.signing_name = "ec2";
    c.region = "us-west-2";
    c.endpoint = {"https://ec2.us-west-2.amazonaws.com", "us-west-2", "default"};
    c.credentials = {"AKIDEXAMPLE", "secret", ""};
    auto made = AwsClient::create(c, deps);
    EXPECT_TRUE(made.ok());
    client = std::make_unique<Ec2Client>(std::move(*made));
  }
  std::shared_ptr<ScriptedAws> transport;
  std::unique_ptr<Ec2Client> client;
};

TEST(Ec2Client, DescribeInstancesSendsIdsAndFiltersAsEc2QueryLists) {
  Ec2Harness h;
  h.transport->reply("DescribeInstances", 200, testing::describe_instances_xml({}));
  DescribeEc2InstancesRequest req;
  req.instance_ids = {"i-0abc", "i-0def"};
  req.filters = {{"vpc-id", {"vpc-1a2b3c4d"}}, {"tag:Name", {"web", "db"}}};
  ASSERT_TRUE(h.client->describe_instances(req).ok());
  ASSERT_EQ(h.transport->sent.size(), 1u);
  const http::Request& sent = h.transport->sent[0].request;
  EXPECT_EQ(ScriptedAws::form(sent), (aws::Params{{"Action", "DescribeInstances"},
                                                  {"Version", "2016-11-15"},
                                                  {"InstanceId.1", "i-0abc"},
                                                  {"InstanceId.2", "i-0def"},
                                                  {"Filter.1.Name", "vpc-id"},
                                                  {"Filter.1.Value.1", "vpc-1a2b3c4d"},
                                                  {"Filter.2.Name", "tag:Name"},
                                                  {"Filter.2.Value.1", "web"},
                                                  {"Filter.2.Value.2", "db"}}));
  EXPECT_NE(sent.header("Authorization").find("/us-west-2/ec2/aws4_request"), std::string::npos);
  EXPECT_EQ(h.transport->sent[0].origin, "https://ec2.us-west-2.amazonaws.com");
}

TEST(Ec2Client, ReadsEveryInstanceOfEveryReservation) {
  Ec2Harness h;
  h.transport->reply(
      "DescribeInstances", 200,
      testing::describe_instances_xml(
          {{"i-1234567890abcdef0", "192.168.1.88", "54.194.252.215", "vpc-11112222", "Server_1"},
           {"i-0fedcba987654321", "10.0.0.7", "", "", "", "stopped"}}));
  auto r = h.client->describe_instances({});
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  const Ec2Instance& a = (*r)[0];
  EXPECT_EQ(a.instance_id, "i-1234567890abcdef0");
  EXPECT_EQ(a.reservation_id, "r-01000abcdef0");
  EXPECT_EQ(a.private_ip, "192.168.1.88") << "not the network interface's 172.31.99.99";
  EXPECT_EQ(a.public_ip, "54.194.252.215") << "ipAddress, not the association's publicIp";
  EXPECT_EQ(a.vpc_id, "vpc-11112222");
  EXPECT_EQ(a.name(), "Server_1");
  EXPECT_EQ(a.tags.at("team"), "ops");
  EXPECT_EQ(a.state, "running");
  EXPECT_EQ(a.instance_type, "t2.micro");
  EXPECT_EQ(a.availability_zone, "us-east-1a");
  const Ec2Instance& b = (*r)[1];
  EXPECT_EQ(b.public_ip, "") << "no ipAddress element: no public address";
  EXPECT_EQ(b.vpc_id, "") << "no vpcId element: EC2-Classic";
  EXPECT_EQ(b.name(), "");
  EXPECT_EQ(b.state, "stopped");
}

TEST(Ec2Client, FollowsNextTokenUntilTheLastPage) {
  Ec2Harness h;
  h.transport->queue("DescribeInstances",
                     http::Response{200, {}, testing::describe_instances_xml({{"i-01"}}, "tok-2")});
  h.transport->queue("DescribeInstances",
                     http::Response{200, {}, testing::describe_instances_xml({{"i-02"}}, "tok-3")});
  h.transport->queue("DescribeInstances",
                     http::Response{200, {}, testing::describe_instances_xml({{"i-03"}})});
  auto r = h.client->describe_instances({});
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[2].instance_id, "i-03");
  auto sent = h.transport->requests("DescribeInstances");
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_EQ(ScriptedAws::form_value(sent[0], "NextToken"), "");
  EXPECT_EQ(ScriptedAws::form_value(sent[1], "NextToken"), "tok-2");
  EXPECT_EQ(ScriptedAws::form_value(sent[2], "NextToken"), "tok-3");
}

TEST(Ec2Client, UnknownInstanceIdIsEc2sInvalidInstanceIdNotFound) {
  Ec2Harness h;
  // EC2's error body: <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/>.
  h.transport->reply("DescribeInstances", 400,
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error>"
                     "<Code>InvalidInstanceID.NotFound</Code><Message>The instance ID "
                     "'i-0123456789abcdef0' does not exist</Message></Error></Errors>"
                     "<RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>");
  auto r = h.client->describe_instances({{"i-0123456789abcdef0"}, {}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "InvalidInstanceID.NotFound");
  EXPECT_EQ(r.error().message, "The instance ID 'i-0123456789abcdef0' does not exist");
  EXPECT_EQ(r.error().http_status, 400);
}

TEST(Ec2Client, UnauthorizedOperationIsReturnedAsIs) {
  Ec2Harness h;
  h.transport->error("DescribeInstances", aws::Protocol::kEc2, "UnauthorizedOperation",
                     "You are not authorized to perform this operation.", 403);
  auto r = h.client->describe_instances({});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "UnauthorizedOperation");
  EXPECT_EQ(h.transport->sent.size(), 1u) << "not retried";
}

TEST(Ec2Client, ResponseThatIsNotDescribeInstancesIsMalformed) {
  Ec2Harness h;
  h.transport->reply("DescribeInstances", 200, "<Other/>");
  auto r = h.client->describe_instances({});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "MalformedResponse");
}

TEST(Ec2ClientFactory, EndpointFromAwsEndpointUrlEc2InTheRequestedRegion) {
  testing::AwsHome home;
  home.vars["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE";
  home.vars["AWS_SECRET_ACCESS_KEY"] = "secret";
  home.vars["AWS_REGION"] = "us-east-1";
  home.vars["AWS_ENDPOINT_URL_EC2"] = "http://127.0.0.1:4566";
  config::GlobalFlags flags;
  flags.endpoint_url = "http://127.0.0.1:9999";  // --endpoint-url is OpsWorks's only
  auto env = home.load(flags);
  ASSERT_TRUE(env.ok()) << env.error().message;
  ClientFactory factory(**env);
  config::ServiceOptions options;
  options.region = "eu-west-1";
  options.use_endpoint_flag = false;
  auto ec2 = factory.ec2(options);
  ASSERT_TRUE(ec2.ok()) << ec2.error().message;
  EXPECT_EQ(ec2->raw().config().endpoint.url, "http://127.0.0.1:4566");
  EXPECT_EQ(ec2->raw().config().endpoint.signing_region, "eu-west-1");
  EXPECT_EQ(ec2->raw().config().signing_name, "ec2");
  home.vars.erase("AWS_ENDPOINT_URL_EC2");
  auto env2 = home.load(flags);
  ClientFactory factory2(**env2);
  EXPECT_EQ(factory2.ec2(options)->raw().config().endpoint.url,
            "https://ec2.eu-west-1.amazonaws.com");
}

}  // namespace
}  // namespace opsreg::clients
