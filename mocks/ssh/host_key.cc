// Host key handling with libssh's PKI functions: import or generate, export, fingerprint.
// The fingerprint is libssh's SHA-256 form, identical to `ssh-keygen -lf` output.
#include "mocks/ssh/host_key.h"

#include <fcntl.h>
#include <libssh/libssh.h>
#include <unistd.h>

#include <fstream>

namespace opsreg::mocks::ssh {
namespace {

aws::Error key_error(const std::string& message) {
  return aws::make_error("InvalidHostKey", message, 500);
}

}  // namespace

void HostKey::KeyFree::operator()(ssh_key_struct* key) const { ssh_key_free(key); }

Result<HostKey> HostKey::load_or_generate(const std::filesystem::path& source) {
  HostKey out;
  ssh_key raw = nullptr;
  if (!source.empty()) {
    if (ssh_pki_import_privkey_file(source.c_str(), nullptr, nullptr, nullptr, &raw) != SSH_OK) {
      return key_error("cannot read host key file " + source.string());
    }
  } else if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &raw) != SSH_OK) {
    return key_error("cannot generate an Ed25519 host key");
  }
  out.server_key.reset(raw);
  ssh_key key = raw;

  char* b64 = nullptr;
  if (ssh_pki_export_pubkey_base64(key, &b64) != SSH_OK) {
    return key_error("cannot export the host public key");
  }
  out.public_key = std::string(ssh_key_type_to_char(ssh_key_type(key))) + " " + b64;
  ssh_string_free_char(b64);

  unsigned char* hash = nullptr;
  size_t hash_len = 0;
  if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &hash_len) != 0) {
    return key_error("cannot hash the host public key");
  }
  char* fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hash_len);
  ssh_clean_pubkey_hash(&hash);
  if (fp == nullptr) return key_error("cannot format the host key fingerprint");
  out.fingerprint = fp;
  ssh_string_free_char(fp);

  if (source.empty()) {
    char* text = nullptr;
    if (ssh_pki_export_privkey_base64(key, nullptr, nullptr, nullptr, &text) != SSH_OK)
      return key_error("cannot export the host key");
    out.generated_private_key = text;
    ssh_string_free_char(text);
  }
  return out;
}

Status HostKey::write_generated(const std::filesystem::path& file) const {
  if (generated_private_key.empty()) return {};
  std::error_code ec;
  std::filesystem::remove(file, ec);
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  bool ok = fd >= 0 && ::write(fd, generated_private_key.data(), generated_private_key.size()) ==
                           static_cast<ssize_t>(generated_private_key.size());
  if (fd >= 0) ::close(fd);
  std::ofstream pub(file.string() + ".pub");
  pub << public_key << " opsreg-fake-host\n";
  if (!ok || !pub.flush()) return key_error("cannot write host key " + file.string());
  return {};
}

}  // namespace opsreg::mocks::ssh
