// Shared set-up for the OpsWorks tests: the default world (stack MyStack with layers web-app
// and php-app), a root client, and helpers to call an operation and read its JSON answer.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "mocks/ec2/identity.h"
#include "tests/support/edge_client.h"
#include "tests/support/read_file.h"

namespace opsreg::testing {

inline constexpr const char* kStackId = "2f18b4cb-4de5-4429-a149-ff7da9f0d8ee";
inline constexpr const char* kWebLayerId = "5a6e1f3c-2d8b-4c1e-9f4a-7b3c2d1e0f9a";  // custom
inline constexpr const char* kPhpLayerId = "8c4d2e1f-6a7b-4d3c-8e2f-1a0b9c8d7e6f";  // php-app

class OpsWorksTest : public ::testing::Test {
 protected:
  OpsWorksTest() : client(*tw.edge, tw.world->operator_credentials()) {}

  // Calls `op` and returns the response body as JSON (discarded when not JSON).
  nlohmann::json call(const std::string& op,
                      const nlohmann::json& body = nlohmann::json::object()) {
    last = client.json(op, body);
    return nlohmann::json::parse(last.body, nullptr, false);
  }
  // The message of the last error response.
  std::string message() const {
    auto j = nlohmann::json::parse(last.body, nullptr, false);
    return j.is_object() ? j.value("message", "") : "";
  }
  // A real RSA public key in PEM, as an agent sends in RegisterInstance's RsaPublicKey.
  static std::string public_key_pem() {
    return read_file(std::string(OPSREG_SOURCE_DIR) + "/fixtures/ec2/identity-signing.pub.pem");
  }
  // Registers an on-premises instance with MyStack and returns its id.
  std::string register_on_premises(const std::string& hostname) {
    auto j = call("RegisterInstance", {{"StackId", kStackId}, {"Hostname", hostname}});
    EXPECT_EQ(last.status, 200) << last.body;
    return j.value("InstanceId", "");
  }
  // An identity document naming `ec2_id` and the world's EC2 identity key's signature of it.
  static nlohmann::json signed_identity(const nlohmann::json& doc) {
    std::string text = doc.dump();
    auto sig = mocks::ec2::sign_identity_document(text);
    EXPECT_TRUE(sig.ok());
    return {{"Document", text}, {"Signature", sig.ok() ? *sig : ""}};
  }
  // Registers an EC2 instance (signed identity document naming `ec2_id`) and returns its id.
  std::string register_ec2(const std::string& ec2_id, const std::string& hostname) {
    nlohmann::json doc = {{"instanceId", ec2_id},
                          {"region", "us-east-1"},
                          {"availabilityZone", "us-east-1a"},
                          {"instanceType", "t3.micro"}};
    auto j = call("RegisterInstance", {{"StackId", kStackId},
                                       {"Hostname", hostname},
                                       {"InstanceIdentity", signed_identity(doc)}});
    EXPECT_EQ(last.status, 200) << last.body;
    return j.value("InstanceId", "");
  }

  TestWorld tw;
  EdgeClient client;
  http::Response last;
};

}  // namespace opsreg::testing
