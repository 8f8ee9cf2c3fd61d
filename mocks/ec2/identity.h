// EC2's instance identity document (what IMDS serves at dynamic/instance-identity/document)
// and its signature by the world's EC2 identity key (fixtures/ec2/identity-signing.pem):
// made here for the IMDS, verified here for the fake OpsWorks RegisterInstance.
#pragma once

#include <string>
#include <string_view>

#include "core/clock/clock.h"
#include "core/util/result.h"
#include "mocks/base/hosts.h"

namespace opsreg::mocks::ec2 {

// The document of an EC2 host, in AWS's layout ("key" : value lines, AWS's key order, nulls
// for billingProducts, kernelId …, version "2017-09-30"); `pending` is its pendingTime.
std::string identity_document(const WorldHost& host, const std::string& account_id,
                              TimePoint pending);

// The fixture key pair that stands for AWS's identity key in every world.
std::string identity_private_key_path();  // fixtures/ec2/identity-signing.pem (a test key)
std::string identity_public_key_path();   // fixtures/ec2/identity-signing.pub.pem

// Base64 RSA-SHA256 (PKCS#1 v1.5) signature of `document` by the PEM private key.
// Errors: "InvalidKey" (unreadable key), "SigningFailed".
Result<std::string> sign_identity_document(std::string_view document,
                                           const std::string& private_key_pem);
// The fixture key's signature (reads identity_private_key_path()).
Result<std::string> sign_identity_document(std::string_view document);

// Whether `signature_b64` is the identity key's signature of exactly these document bytes.
// Errors: "InvalidKey" when the public key cannot be read; a bad or foreign signature is
// "InvalidSignature".
Status verify_identity_document(std::string_view document, std::string_view signature_b64,
                                const std::string& public_key_pem);
// Verifies with the fixture public key (reads identity_public_key_path()).
Status verify_identity_document(std::string_view document, std::string_view signature_b64);

}  // namespace opsreg::mocks::ec2
