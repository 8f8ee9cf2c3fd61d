// RegisterInstance's checks of what proves the instance: RsaPublicKey must be a PEM RSA public
// key and an InstanceIdentity must carry both its Document and its Signature.
#include "tests/unit/opsworks_fixture.h"

namespace opsreg::testing {
namespace {

using OpsWorksRegisterInput = OpsWorksTest;

TEST_F(OpsWorksRegisterInput, PemPublicKeyRegisters) {
  ASSERT_FALSE(public_key_pem().empty());
  call("RegisterInstance",
       {{"StackId", kStackId}, {"Hostname", "web1"}, {"RsaPublicKey", public_key_pem()}});
  EXPECT_EQ(last.status, 200) << last.body;
}

TEST_F(OpsWorksRegisterInput, NonPemPublicKeyIsValidationException) {
  std::string pem = public_key_pem();
  std::string truncated = pem.substr(0, pem.size() / 2);
  for (const std::string& key :
       {std::string("not a key"), std::string("ssh-rsa AAAAB3NzaC1yc2E"), truncated,
        std::string("-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n")}) {
    call("RegisterInstance", {{"StackId", kStackId}, {"Hostname", "web1"}, {"RsaPublicKey", key}});
    EXPECT_EQ(last.status, 400) << key;
    EXPECT_EQ(error_code(last), "ValidationException") << key;
    EXPECT_NE(message().find("RsaPublicKey is not a PEM-encoded RSA public key"), std::string::npos)
        << message();
  }
  auto d = call("DescribeInstances", {{"StackId", kStackId}});
  EXPECT_TRUE(d["Instances"].empty()) << d.dump();
}

TEST_F(OpsWorksRegisterInput, IdentityWithoutDocumentOrSignatureIsValidationException) {
  nlohmann::json doc = {{"instanceId", "i-0a1b2c3d4e5f60023"}, {"region", "us-east-1"}};
  nlohmann::json signed_doc = signed_identity(doc);
  for (const nlohmann::json& identity :
       {nlohmann::json::object(), nlohmann::json{{"Signature", signed_doc["Signature"]}},
        nlohmann::json{{"Document", ""}, {"Signature", signed_doc["Signature"]}}}) {
    call("RegisterInstance",
         {{"StackId", kStackId}, {"Hostname", "web1"}, {"InstanceIdentity", identity}});
    EXPECT_EQ(last.status, 400) << identity.dump();
    EXPECT_EQ(error_code(last), "ValidationException") << identity.dump();
    EXPECT_EQ(message(), "InstanceIdentity must have both a Document and its Signature");
  }
  auto d = call("DescribeInstances", {{"StackId", kStackId}});
  EXPECT_TRUE(d["Instances"].empty()) << d.dump();
}

}  // namespace
}  // namespace opsreg::testing
