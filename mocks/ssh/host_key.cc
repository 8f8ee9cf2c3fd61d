// Host key handling with libssh's PKI functions: import or generate, export, fingerprint.
// The fingerprint is libssh's SHA-256 form, identical to `ssh-keygen -lf` output.
#include "mocks/ssh/host_key.h"

#include <libssh/libssh.h>
#include <sys/stat.h>

#include <fstream>
#include <memory>

namespace opsreg::mocks::ssh {
namespace {

struct KeyFree {
  void operator()(ssh_key key) const { ssh_key_free(key); }
};
using KeyPtr = std::unique_ptr<ssh_key_struct, KeyFree>;

aws::Error key_error(const std::string& message) {
  return aws::make_error("InvalidHostKey", message, 500);
}

}  // namespace

Result<HostKey> HostKey::load_or_generate(const std::filesystem::path& source,
                                          const std::filesystem::path& generated_file) {
  HostKey out;
  ssh_key raw = nullptr;
  if (!source.empty()) {
    if (ssh_pki_import_privkey_file(source.c_str(), nullptr, nullptr, nullptr, &raw) != SSH_OK) {
      return key_error("cannot read host key file " + source.string());
    }
    out.private_key_file = source;
  } else {
    if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &raw) != SSH_OK) {
      return key_error("cannot generate an Ed25519 host key");
    }
    out.private_key_file = generated_file;
  }
  KeyPtr key(raw);

  char* b64 = nullptr;
  if (ssh_pki_export_pubkey_base64(key.get(), &b64) != SSH_OK) {
    return key_error("cannot export the host public key");
  }
  out.public_key = std::string(ssh_key_type_to_char(ssh_key_type(key.get()))) + " " + b64;
  ssh_string_free_char(b64);

  unsigned char* hash = nullptr;
  size_t hash_len = 0;
  if (ssh_get_publickey_hash(key.get(), SSH_PUBLICKEY_HASH_SHA256, &hash, &hash_len) != 0) {
    return key_error("cannot hash the host public key");
  }
  char* fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hash_len);
  ssh_clean_pubkey_hash(&hash);
  if (fp == nullptr) return key_error("cannot format the host key fingerprint");
  out.fingerprint = fp;
  ssh_string_free_char(fp);

  if (source.empty()) {
    std::error_code ec;
    std::filesystem::remove(generated_file, ec);
    if (ssh_pki_export_privkey_file(key.get(), nullptr, nullptr, nullptr, generated_file.c_str()) !=
        SSH_OK) {
      return key_error("cannot write host key " + generated_file.string());
    }
    chmod(generated_file.c_str(), 0600);
    std::ofstream(generated_file.string() + ".pub") << out.public_key << " opsreg-fake-host\n";
  }
  return out;
}

}  // namespace opsreg::mocks::ssh
