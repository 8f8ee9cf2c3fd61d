// Test support for the EC2 register tests: the procedure against scripted wire responses —
// OpsWorks (JSON 1.1), EC2 (DescribeInstances XML) and IAM (query XML) on one ScriptedAws —
// and a target runner that records where it was sent and the script it was given.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/register/procedure.h"
#include "tests/support/ec2_wire.h"
#include "tests/support/scripted_aws.h"

namespace opsreg::registration::testing_ec2 {

inline constexpr char kStackId[] = "2f18b4cb-4de5-4429-a149-ff7da9f0d8ee";
inline constexpr char kStackRegion[] = "us-west-2";

struct Recorded {
  std::vector<std::string> addresses;  // one per runner made
  std::string script;
};

class RecordingRunner final : public TargetRunner {
 public:
  explicit RecordingRunner(Recorded* r) : r_(r) {}
  Result<int> run(const std::string& script) override {
    r_->script = script;
    return 0;
  }
  std::string describe() const override { return "recorded"; }

 private:
  Recorded* r_;
};

class RegisterEc2 : public ::testing::Test {
 protected:
  RegisterEc2() {
    wire = std::make_shared<opsreg::testing::ScriptedAws>();
    args.stack_id = kStackId;
    args.infrastructure_class = "ec2";
    stack({});
    wire->reply(
        "OpsWorks_20130218.DescribeStackProvisioningParameters", 200,
        R"({"AgentInstallerUrl":"https://opsworks-instance-agent-us-west-2.s3.amazonaws.com/ID/opsworks-agent-installer.tgz",)"
        R"("Parameters":{"assets_download_bucket":"opsworks-instance-assets-us-west-2","agent_installer_base_url":"https://x"}})");
    registered_by_the_new_user();
    iam_succeeds();
  }

  // The stack DescribeStacks returns; "" vpc_id: no VpcId member.
  void stack(const std::string& vpc_id) {
    nlohmann::json s = {
        {"StackId", kStackId},
        {"Name", "MyStack"},
        {"Region", kStackRegion},
        {"Arn", std::string("arn:aws:opsworks:us-west-2:123456789012:stack/") + kStackId + "/"}};
    if (!vpc_id.empty()) s["VpcId"] = vpc_id;
    wire->reply("OpsWorks_20130218.DescribeStacks", 200, nlohmann::json{{"Stacks", {s}}}.dump());
  }
  // What EC2 DescribeInstances returns (every call).
  void ec2_instances(const std::vector<opsreg::testing::WireInstance>& instances) {
    wire->reply("DescribeInstances", 200, opsreg::testing::describe_instances_xml(instances));
  }
  // What OpsWorks DescribeInstances returns (the lookup after the script).
  void opsworks_instances(const nlohmann::json& instances) {
    wire->reply(
        "OpsWorks_20130218.DescribeInstances", 200,
        nlohmann::json{{"Instances", instances.is_null() ? nlohmann::json::array() : instances}}
            .dump());
  }
  // OpsWorks DescribeInstances lists one instance registered by the user CreateUser made.
  void registered_by_the_new_user() {
    wire->on("OpsWorks_20130218.DescribeInstances", [this](const http::Request&) {
      nlohmann::json instances = nlohmann::json::array();
      auto users = wire->requests("CreateUser");
      if (!users.empty())
        instances.push_back({{"InstanceId", "4d6d1710-ded9-42a1-b08e-b043ad7af1e2"},
                             {"Hostname", "registered-host"},
                             {"Status", "registered"},
                             {"RegisteredBy", "arn:aws:iam::123456789012:user/AWS/OpsWorks/" +
                                                  opsreg::testing::ScriptedAws::form_value(
                                                      users.back(), "UserName")}});
      return Result<http::Response>(
          http::Response{200, {}, nlohmann::json{{"Instances", instances}}.dump()});
    });
  }
  // IAM answers every call of step 7 (docs/register.md) (names echoed back).
  void iam_succeeds() {
    auto echo = [](const std::string& op, const std::string& element, const std::string& key,
                   const std::string& extra) {
      return [=](const http::Request& r) {
        std::string name = opsreg::testing::ScriptedAws::form_value(r, key);
        std::string body =
            "<" + op + "Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><" + op +
            "Result><" + element + "><Path>/AWS/OpsWorks/</Path><" + key + ">" + name + "</" + key +
            ">" + extra +
            "<Arn>arn:aws:iam::123456789012:" + (element == "Group" ? "group" : "user") +
            "/AWS/OpsWorks/" + name + "</Arn><CreateDate>2026-11-26T17:00:00Z</CreateDate></" +
            element + "></" + op +
            "Result><ResponseMetadata><RequestId>r</RequestId>"
            "</ResponseMetadata></" +
            op + "Response>";
        return Result<http::Response>(http::Response{200, {}, body});
      };
    };
    wire->on("CreateGroup", echo("CreateGroup", "Group", "GroupName", ""));
    wire->on("CreateUser", echo("CreateUser", "User", "UserName", ""));
    wire->reply("AddUserToGroup", 200, "<AddUserToGroupResponse/>");
    wire->reply("AttachUserPolicy", 200, "<AttachUserPolicyResponse/>");
    wire->on("CreateAccessKey", [](const http::Request& r) {
      std::string user = opsreg::testing::ScriptedAws::form_value(r, "UserName");
      return Result<http::Response>(http::Response{
          200,
          {},
          "<CreateAccessKeyResponse><CreateAccessKeyResult><AccessKey><UserName>" + user +
              "</UserName><AccessKeyId>AKIAIOSFODNN7EXAMPLE</AccessKeyId><Status>Active</Status>"
              "<SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>"
              "</AccessKey></CreateAccessKeyResult></CreateAccessKeyResponse>"});
    });
  }

  clients::AwsClient client(config::Service service, const char* signing_name,
                            const std::string& region) {
    config::ServiceConfig c;
    c.service = service;
    c.signing_name = signing_name;
    c.region = region;
    c.endpoint = {"https://" + std::string(signing_name) + "." + region + ".amazonaws.com", region,
                  "default"};
    c.credentials = {"AKIDOPERATOR", "operator-secret", ""};
    clients::ClientDeps deps;
    deps.transport = wire;
    deps.sleeper = [](std::chrono::milliseconds) {};
    deps.random = [] { return 0.0; };
    return std::move(clients::AwsClient::create(c, deps).value());
  }

  Report run() {
    clients::OpsWorksClient opsworks(client(config::Service::kOpsWorks, "opsworks", "us-east-1"));
    clients::IamClient iam(client(config::Service::kIam, "iam", "us-east-1"));
    ProcedureDeps deps;
    deps.opsworks = &opsworks;
    deps.iam = args.use_instance_profile ? nullptr : &iam;
    deps.progress = [this](const std::string& l) { progress.push_back(l); };
    deps.target = [this](const std::string& address) {
      recorded.addresses.push_back(address);
      return Result<std::unique_ptr<TargetRunner>>(std::make_unique<RecordingRunner>(&recorded));
    };
    deps.ec2 = [this](const std::string& region) {
      ec2_regions.push_back(region);
      return Result<clients::Ec2Client>(
          clients::Ec2Client(client(config::Service::kEc2, "ec2", region)));
    };
    deps.local_hostname = [] { return std::string("ip-172-31-5-17"); };
    if (identity) deps.identity_document = identity;
    return run_register(args, deps);
  }

  // The form of the (only) EC2 DescribeInstances request.
  aws::Params ec2_request() const {
    auto sent = wire->requests("DescribeInstances");
    EXPECT_EQ(sent.size(), 1u);
    return sent.empty() ? aws::Params{} : opsreg::testing::ScriptedAws::form(sent[0]);
  }
  int iam_calls() const {
    int n = 0;
    for (const char* op : {"CreateGroup", "CreateUser", "AddUserToGroup", "AttachUserPolicy",
                           "PutUserPolicy", "CreateAccessKey"})
      n += wire->count(op);
    return n;
  }
  bool preconfig_has(const std::string& line) const {
    return recorded.script.find("\n" + line + "\n") != std::string::npos;
  }
  static std::string message(const Report& r) {
    return r.failure ? r.failure->error.message : std::string("(no failure)");
  }

  std::shared_ptr<opsreg::testing::ScriptedAws> wire;
  Arguments args;
  Recorded recorded;
  std::vector<std::string> progress;
  std::vector<std::string> ec2_regions;
  std::function<Result<config::IdentityDocument>()> identity;
};

}  // namespace opsreg::registration::testing_ec2
