// Identity documents and their RSA-SHA256 signatures (OpenSSL EVP).
#include "mocks/ec2/identity.h"

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cctype>
#include <fstream>
#include <memory>
#include <sstream>

#include "core/aws/crypto.h"
#include "core/clock/time_format.h"
#include "core/util/data_dir.h"
#include "mocks/ec2/model.h"

namespace opsreg::mocks::ec2 {

namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Md = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

Key read_key(const std::string& pem, bool private_key) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), int(pem.size())),
                                                &BIO_free);
  EVP_PKEY* key = nullptr;
  if (bio)
    key = private_key ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)
                      : PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
  return Key(key, &EVP_PKEY_free);
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return aws::make_error("InvalidKey", "cannot read " + path, 0);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::string identity_document(const WorldHost& host, const std::string& account_id,
                              TimePoint pending) {
  const WorldEc2Instance& e = *host.ec2;
  const std::pair<const char*, std::string> fields[] = {
      {"accountId", quoted(account_id)},
      {"architecture", quoted(architecture_of(e.instance_type))},
      {"availabilityZone", quoted(e.availability_zone)},
      {"billingProducts", "null"},
      {"devpayProductCodes", "null"},
      {"marketplaceProductCodes", "null"},
      {"imageId", quoted(e.image_id)},
      {"instanceId", quoted(e.instance_id)},
      {"instanceType", quoted(e.instance_type)},
      {"kernelId", "null"},
      {"pendingTime", quoted(format_iso8601(pending))},
      {"privateIp", quoted(host.private_ip)},
      {"ramdiskId", "null"},
      {"region", quoted(e.region)},
      {"version", quoted("2017-09-30")},
  };
  std::string out = "{\n";
  for (size_t i = 0; i < std::size(fields); ++i)
    out += "  \"" + std::string(fields[i].first) + "\" : " + fields[i].second +
           (i + 1 < std::size(fields) ? ",\n" : "\n");
  return out + "}";
}

std::string identity_private_key_path() {
  return fixtures_dir().string() + "/ec2/identity-signing.pem";
}

std::string identity_public_key_path() {
  return fixtures_dir().string() + "/ec2/identity-signing.pub.pem";
}

Result<std::string> sign_identity_document(std::string_view document,
                                           const std::string& private_key_pem) {
  Key key = read_key(private_key_pem, true);
  if (!key) return aws::make_error("InvalidKey", "the identity signing key cannot be read", 0);
  Md md(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  size_t len = 0;
  if (!md || EVP_DigestSignInit(md.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1 ||
      EVP_DigestSign(md.get(), nullptr, &len,
                     reinterpret_cast<const unsigned char*>(document.data()), document.size()) != 1)
    return aws::make_error("SigningFailed", "cannot sign the identity document", 0);
  std::string sig(len, '\0');
  if (EVP_DigestSign(md.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                     reinterpret_cast<const unsigned char*>(document.data()), document.size()) != 1)
    return aws::make_error("SigningFailed", "cannot sign the identity document", 0);
  sig.resize(len);
  return aws::base64_encode(sig);
}

Result<std::string> sign_identity_document(std::string_view document) {
  auto pem = read_file(identity_private_key_path());
  if (!pem.ok()) return pem.error();
  return sign_identity_document(document, *pem);
}

Status verify_identity_document(std::string_view document, std::string_view signature_b64,
                                const std::string& public_key_pem) {
  Key key = read_key(public_key_pem, false);
  if (!key) return aws::make_error("InvalidKey", "the identity public key cannot be read", 0);
  std::string compact;  // AWS's signature is often shown wrapped; ignore whitespace
  for (char c : signature_b64)
    if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
  std::string sig;
  aws::Error bad = aws::make_error("InvalidSignature",
                                   "the signature is not the EC2 identity key's signature of "
                                   "this document",
                                   0);
  if (compact.empty() || !aws::base64_decode(compact, &sig)) return bad;
  Md md(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (!md || EVP_DigestVerifyInit(md.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1)
    return bad;
  int ok =
      EVP_DigestVerify(md.get(), reinterpret_cast<const unsigned char*>(sig.data()), sig.size(),
                       reinterpret_cast<const unsigned char*>(document.data()), document.size());
  if (ok != 1) return bad;
  return {};
}

Status verify_identity_document(std::string_view document, std::string_view signature_b64) {
  auto pem = read_file(identity_public_key_path());
  if (!pem.ok()) return pem.error();
  return verify_identity_document(document, signature_b64, *pem);
}

}  // namespace opsreg::mocks::ec2
