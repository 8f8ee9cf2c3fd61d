// RSA key generation, PEM encoding and fingerprints with OpenSSL 3 (EVP, BIO), and the
// pre-generated key pool file.
#include "core/agent/rsa_key.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <memory>
#include <sstream>

#include "core/aws/crypto.h"

namespace opsreg::agent {

namespace {

using PkeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;

aws::Error invalid_key(std::string why) { return aws::make_error("InvalidKey", std::move(why), 0); }

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  long len = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<size_t>(len));
}

std::string colon_hex(std::string_view bytes) {
  std::string h = aws::hex(bytes), out;
  for (size_t i = 0; i < h.size(); i += 2) {
    if (!out.empty()) out += ':';
    out += h.substr(i, 2);
  }
  return out;
}

std::string md5_raw(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest, &len, EVP_md5(), nullptr);
  return std::string(reinterpret_cast<char*>(digest), len);
}

Result<RsaKeyPair> pair_of(EVP_PKEY* key) {
  if (EVP_PKEY_base_id(key) != EVP_PKEY_RSA) return invalid_key("the key is not an RSA key");
  RsaKeyPair pair;
  BioPtr priv(BIO_new(BIO_s_mem()), BIO_free), pub(BIO_new(BIO_s_mem()), BIO_free);
  if (!PEM_write_bio_PrivateKey(priv.get(), key, nullptr, nullptr, 0, nullptr, nullptr) ||
      !PEM_write_bio_PUBKEY(pub.get(), key))
    return invalid_key("cannot encode the key as PEM");
  pair.private_pem = bio_text(priv.get());
  pair.public_pem = bio_text(pub.get());
  unsigned char* der = nullptr;
  int der_len = i2d_PUBKEY(key, &der);
  if (der_len <= 0) return invalid_key("cannot encode the public key as DER");
  pair.fingerprint = colon_hex(md5_raw(std::string_view(reinterpret_cast<char*>(der), der_len)));
  OPENSSL_free(der);
  return pair;
}

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

Result<RsaKeyPair> generate_rsa_key(int bits) {
  EVP_PKEY* raw = EVP_RSA_gen(static_cast<unsigned int>(bits));
  if (!raw) return aws::make_error("KeyGenerationFailed", "OpenSSL could not make an RSA key", 0);
  PkeyPtr key(raw, EVP_PKEY_free);
  return pair_of(key.get());
}

Result<RsaKeyPair> rsa_key_from_pem(const std::string& private_pem) {
  BioPtr bio(BIO_new_mem_buf(private_pem.data(), static_cast<int>(private_pem.size())), BIO_free);
  EVP_PKEY* raw = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
  if (!raw) return invalid_key("not a PEM private key");
  PkeyPtr key(raw, EVP_PKEY_free);
  return pair_of(key.get());
}

Result<std::string> public_key_fingerprint(const std::string& public_pem) {
  BioPtr bio(BIO_new_mem_buf(public_pem.data(), static_cast<int>(public_pem.size())), BIO_free);
  EVP_PKEY* raw = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
  if (!raw) return invalid_key("not a PEM public key");
  PkeyPtr key(raw, EVP_PKEY_free);
  unsigned char* der = nullptr;
  int der_len = i2d_PUBKEY(key.get(), &der);
  if (der_len <= 0) return invalid_key("cannot encode the public key as DER");
  std::string fp = colon_hex(md5_raw(std::string_view(reinterpret_cast<char*>(der), der_len)));
  OPENSSL_free(der);
  return fp;
}

Status write_key_pool(const std::string& path, int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    auto pair = generate_rsa_key(2048);
    if (!pair.ok()) return pair.error();
    text += pair->private_pem;
  }
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return aws::make_error("InvalidKeyPool", "cannot write " + path, 0);
  ::fchmod(fd, 0600);
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!ok) return aws::make_error("InvalidKeyPool", "cannot write " + path, 0);
  return {};
}

Result<std::vector<std::string>> read_key_pool(const std::string& path) {
  std::ifstream in(path);
  if (!in) return aws::make_error("InvalidKeyPool", "cannot read key pool " + path, 0);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  std::vector<std::string> keys;
  const std::string end_marker = "-----END ";
  size_t pos = 0;
  while ((pos = text.find("-----BEGIN ", pos)) != std::string::npos) {
    size_t end = text.find(end_marker, pos);
    if (end == std::string::npos) break;
    size_t line_end = text.find('\n', end);
    line_end = line_end == std::string::npos ? text.size() : line_end + 1;
    keys.push_back(text.substr(pos, line_end - pos));
    pos = line_end;
  }
  if (keys.empty()) return aws::make_error("InvalidKeyPool", "no PEM keys in " + path, 0);
  return keys;
}

Result<RsaKeyPair> key_from_pool(const std::string& path, const std::string& seed) {
  auto keys = read_key_pool(path);
  if (!keys.ok()) return keys.error();
  auto pair = rsa_key_from_pem((*keys)[fnv1a(seed) % keys->size()]);
  if (!pair.ok())
    return aws::make_error("InvalidKeyPool", "key pool " + path + ": " + pair.error().message, 0);
  return pair;
}

}  // namespace opsreg::agent
