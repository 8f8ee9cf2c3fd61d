// The typed IAM and STS clients against the real edge over HTTP: the register procedure's
// IAM sequence, its cleanup, and IAM's errors as the client parses them.
#include "tests/integration/clients_edge_fixture.h"
#include "tests/support/loopback_port.h"

namespace opsreg {
namespace {

using testing::ClientsEdge;

TEST_F(ClientsEdge, StsGetCallerIdentityNamesTheRootCaller) {
  auto sts = factory().sts();
  ASSERT_TRUE(sts.ok()) << sts.error().message;
  auto id = sts->get_caller_identity();
  ASSERT_TRUE(id.ok()) << id.error().code << ": " << id.error().message;
  EXPECT_EQ(id->account, "123456789012");
  EXPECT_EQ(id->arn, "arn:aws:iam::123456789012:root");
}

TEST_F(ClientsEdge, IamRegisterSequenceThenCleanup) {
  clients::IamClient c = iam();
  auto group = c.create_group("OpsWorks-2f18b4cb", "/AWS/OpsWorks/");
  ASSERT_TRUE(group.ok()) << group.error().message;
  EXPECT_EQ(group->group_name, "OpsWorks-2f18b4cb");
  EXPECT_EQ(group->arn, "arn:aws:iam::123456789012:group/AWS/OpsWorks/OpsWorks-2f18b4cb");

  auto user = c.create_user("OpsWorks-MyStack-web1", "/AWS/OpsWorks/");
  ASSERT_TRUE(user.ok()) << user.error().message;
  EXPECT_EQ(user->path, "/AWS/OpsWorks/");
  EXPECT_EQ(user->arn, "arn:aws:iam::123456789012:user/AWS/OpsWorks/OpsWorks-MyStack-web1");
  EXPECT_FALSE(user->user_id.empty());

  ASSERT_TRUE(c.add_user_to_group("OpsWorks-2f18b4cb", "OpsWorks-MyStack-web1").ok());
  const std::string arn = "arn:aws:iam::aws:policy/AWSOpsWorksInstanceRegistration";
  Status attach = c.attach_user_policy("OpsWorks-MyStack-web1", arn);
  ASSERT_TRUE(attach.ok()) << attach.error().message;
  Status put = c.put_user_policy(
      "OpsWorks-MyStack-web1", "OpsWorks-Instance",
      R"({"Version":"2012-10-17","Statement":[{"Action":"opsworks:RegisterInstance","Effect":"Allow","Resource":"*"}]})");
  ASSERT_TRUE(put.ok()) << put.error().message;
  auto key = c.create_access_key("OpsWorks-MyStack-web1");
  ASSERT_TRUE(key.ok()) << key.error().message;
  EXPECT_TRUE(key->access_key_id.starts_with("AKIA"));
  EXPECT_EQ(key->secret_access_key.size(), 40u);
  EXPECT_EQ(key->status, "Active");

  auto got = c.get_user("OpsWorks-MyStack-web1");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->user_id, user->user_id);
  auto keys = c.list_access_keys("OpsWorks-MyStack-web1");
  ASSERT_TRUE(keys.ok());
  ASSERT_EQ(keys->size(), 1u);
  EXPECT_EQ(keys->at(0).access_key_id, key->access_key_id);

  EXPECT_EQ(c.delete_user("OpsWorks-MyStack-web1").error().code, "DeleteConflict");
  ASSERT_TRUE(c.delete_access_key("OpsWorks-MyStack-web1", key->access_key_id).ok());
  ASSERT_TRUE(c.detach_user_policy("OpsWorks-MyStack-web1", arn).ok());
  ASSERT_TRUE(c.delete_user_policy("OpsWorks-MyStack-web1", "OpsWorks-Instance").ok());
  ASSERT_TRUE(c.remove_user_from_group("OpsWorks-2f18b4cb", "OpsWorks-MyStack-web1").ok());
  Status del = c.delete_user("OpsWorks-MyStack-web1");
  ASSERT_TRUE(del.ok()) << del.error().message;
  auto gone = c.get_user("OpsWorks-MyStack-web1");
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().code, "NoSuchEntity");
  EXPECT_EQ(gone.error().http_status, 404);
}

TEST_F(ClientsEdge, IamCreateUserTwiceIsEntityAlreadyExists) {
  clients::IamClient c = iam();
  ASSERT_TRUE(c.create_user("twice").ok());
  auto again = c.create_user("twice");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "EntityAlreadyExists");
  EXPECT_EQ(again.error().http_status, 409);
  EXPECT_EQ(again.error().message, "User with name twice already exists.");
  EXPECT_TRUE(delays.empty()) << "not retried";
}

TEST_F(ClientsEdge, IamGetUserWithoutNameIsTheCaller) {
  act_as_limited_user();
  auto me = iam().get_user();
  ASSERT_TRUE(me.ok()) << me.error().message;
  EXPECT_EQ(me->user_name, "limited");
}

TEST_F(ClientsEdge, IamCallNotAllowedIsAccessDenied) {
  act_as_limited_user();
  clients::IamClient c = iam();
  ASSERT_TRUE(c.create_user("made-by-limited").ok());
  Status s = c.attach_user_policy("made-by-limited",
                                  "arn:aws:iam::aws:policy/AWSOpsWorksInstanceRegistration");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "AccessDenied");
  EXPECT_EQ(s.error().http_status, 403);
  EXPECT_NE(s.error().message.find("iam:AttachUserPolicy"), std::string::npos) << s.error().message;
}

TEST_F(ClientsEdge, WrongSecretIsSignatureDoesNotMatch) {
  vars["AWS_SECRET_ACCESS_KEY"] = "not-the-secret";
  auto id = factory().sts().value().get_caller_identity();
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().code, "SignatureDoesNotMatch");
}

TEST_F(ClientsEdge, ServiceEndpointVariableBeatsTheGlobalOne) {
  vars["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1";  // nothing listens there
  vars["AWS_ENDPOINT_URL_IAM"] = tw->url();
  auto user = iam().create_user("via-service-variable");
  ASSERT_TRUE(user.ok()) << user.error().message;
}

TEST_F(ClientsEdge, UnreachableEndpointIsRetriedThenEndpointConnectionError) {
  int port = testing::free_loopback_port();  // nobody listens on it
  vars["AWS_ENDPOINT_URL"] = "http://127.0.0.1:" + std::to_string(port);
  auto id = factory().sts().value().get_caller_identity();
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().code, "EndpointConnectionError");
  EXPECT_EQ(id.error().message, "Could not connect to the endpoint URL: \"http://127.0.0.1:" +
                                    std::to_string(port) + "/\"");
  EXPECT_EQ(delays, (std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(500),
                                                            std::chrono::milliseconds(1000)}));
}

}  // namespace
}  // namespace opsreg
