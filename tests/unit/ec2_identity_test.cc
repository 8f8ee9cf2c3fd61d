// Instance identity documents and their signatures: what IMDS serves is what the fake
// OpsWorks accepts, and nothing else verifies.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/agent/rsa_key.h"
#include "core/clock/time_format.h"
#include "mocks/ec2/identity.h"

namespace opsreg::mocks::ec2 {
namespace {

WorldHost host() {
  WorldHost h;
  h.name = "ec2-a";
  h.private_ip = "10.0.9.9";
  h.infrastructure = "ec2";
  h.ec2.emplace();
  h.ec2->instance_id = "i-0a1b2c3d4e5f60099";
  h.ec2->region = "eu-west-1";
  h.ec2->availability_zone = "eu-west-1c";
  h.ec2->instance_type = "t4g.small";
  return h;
}

TEST(Ec2Identity, DocumentHasAwsFieldsInAwsLayout) {
  std::string doc =
      identity_document(host(), "210987654321", *parse_iso8601("2026-02-03T04:05:06Z"));
  EXPECT_TRUE(doc.starts_with("{\n  \"accountId\" : \"210987654321\",\n")) << doc;
  auto j = nlohmann::json::parse(doc);
  EXPECT_EQ(j["architecture"], "arm64");
  EXPECT_EQ(j["availabilityZone"], "eu-west-1c");
  EXPECT_EQ(j["instanceId"], "i-0a1b2c3d4e5f60099");
  EXPECT_EQ(j["instanceType"], "t4g.small");
  EXPECT_EQ(j["pendingTime"], "2026-02-03T04:05:06Z");
  EXPECT_EQ(j["privateIp"], "10.0.9.9");
  EXPECT_EQ(j["region"], "eu-west-1");
  EXPECT_EQ(j["version"], "2017-09-30");
  EXPECT_TRUE(j["kernelId"].is_null());
}

TEST(Ec2Identity, TheFixtureKeysSignatureVerifiesAndAnyChangeDoesNot) {
  std::string doc = identity_document(host(), "210987654321", TimePoint{});
  auto sig = sign_identity_document(doc);
  ASSERT_TRUE(sig.ok()) << sig.error().message;
  EXPECT_TRUE(verify_identity_document(doc, *sig).ok());
  std::string forged = doc;
  forged.replace(forged.find("i-0a1b2c3d4e5f60099"), 19, "i-0a1b2c3d4e5f60098");
  Status s = verify_identity_document(forged, *sig);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "InvalidSignature");
  EXPECT_FALSE(verify_identity_document(doc, "not base64!").ok());
  EXPECT_FALSE(verify_identity_document(doc, "").ok());
}

TEST(Ec2Identity, AnotherKeysSignatureDoesNotVerify) {
  auto other = agent::generate_rsa_key(2048);
  ASSERT_TRUE(other.ok());
  std::string doc = identity_document(host(), "210987654321", TimePoint{});
  auto sig = sign_identity_document(doc, other->private_pem);
  ASSERT_TRUE(sig.ok());
  EXPECT_TRUE(verify_identity_document(doc, *sig, other->public_pem).ok());
  EXPECT_FALSE(verify_identity_document(doc, *sig).ok());
}

}  // namespace
}  // namespace opsreg::mocks::ec2
