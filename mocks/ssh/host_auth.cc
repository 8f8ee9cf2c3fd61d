// Authorized keys parsed with libssh's PKI (same blob format as OpenSSH's authorized_keys),
// compared by public part; passwords compared in constant time.
#include "mocks/ssh/host_auth.h"

#include <libssh/libssh.h>
#include <openssl/crypto.h>

#include <sstream>

namespace opsreg::mocks::ssh {

Result<std::shared_ptr<const Authenticator>> Authenticator::create(
    const std::vector<HostUser>& users) {
  std::shared_ptr<Authenticator> auth(new Authenticator());
  for (const HostUser& u : users) {
    User& entry = auth->users_[u.name];
    entry.password = u.password;
    int line_no = 0;
    for (const std::string& line : u.authorized_keys) {
      ++line_no;
      std::istringstream in(line);
      std::string type, blob;
      in >> type >> blob;
      if (type.empty() || type[0] == '#') continue;
      ssh_key key = nullptr;
      enum ssh_keytypes_e kind = ssh_key_type_from_name(type.c_str());
      if (kind == SSH_KEYTYPE_UNKNOWN ||
          ssh_pki_import_pubkey_base64(blob.c_str(), kind, &key) != SSH_OK) {
        return aws::make_error("InvalidAuthorizedKey", "authorized key " + std::to_string(line_no) +
                                                           " of user " + u.name +
                                                           " is not a public key line");
      }
      entry.keys.push_back(key);
    }
  }
  return std::shared_ptr<const Authenticator>(std::move(auth));
}

Authenticator::~Authenticator() {
  for (auto& [name, user] : users_) {
    for (ssh_key key : user.keys) ssh_key_free(key);
  }
}

bool Authenticator::has_user(const std::string& user) const { return users_.count(user) > 0; }

bool Authenticator::accepts_key(const std::string& user, ssh_key_struct* key) const {
  auto it = users_.find(user);
  if (it == users_.end() || key == nullptr) return false;
  for (ssh_key candidate : it->second.keys) {
    if (ssh_key_cmp(candidate, key, SSH_KEY_CMP_PUBLIC) == 0) return true;
  }
  return false;
}

bool Authenticator::accepts_password(const std::string& user, const std::string& password) const {
  auto it = users_.find(user);
  if (it == users_.end() || !it->second.password) return false;
  const std::string& expected = *it->second.password;
  return expected.size() == password.size() &&
         CRYPTO_memcmp(expected.data(), password.data(), expected.size()) == 0;
}

}  // namespace opsreg::mocks::ssh
