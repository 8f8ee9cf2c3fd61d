// Authorized keys parsed with libssh's PKI (same blob format as OpenSSH's authorized_keys),
// compared by public part; passwords compared in constant time.
#include "mocks/ssh/host_auth.h"

#include <libssh/libssh.h>
#include <openssl/crypto.h>

#include <fstream>
#include <sstream>

namespace opsreg::mocks::ssh {

namespace {

// The key on an authorized_keys line ("TYPE BASE64 [comment]"); nullptr for a comment, a
// blank line or anything that is not a key. The caller frees it.
ssh_key parse_key_line(const std::string& line) {
  std::istringstream in(line);
  std::string type, blob;
  in >> type >> blob;
  if (type.empty() || type[0] == '#') return nullptr;
  enum ssh_keytypes_e kind = ssh_key_type_from_name(type.c_str());
  ssh_key key = nullptr;
  if (kind == SSH_KEYTYPE_UNKNOWN ||
      ssh_pki_import_pubkey_base64(blob.c_str(), kind, &key) != SSH_OK)
    return nullptr;
  return key;
}

bool is_comment_or_blank(const std::string& line) {
  size_t at = line.find_first_not_of(" \t");
  return at == std::string::npos || line[at] == '#';
}

}  // namespace

Result<std::shared_ptr<const Authenticator>> Authenticator::create(
    const std::vector<HostUser>& users,
    std::function<std::filesystem::path(const std::string& user)> authorized_keys_file) {
  std::shared_ptr<Authenticator> auth(new Authenticator());
  for (const HostUser& u : users) {
    User& entry = auth->users_[u.name];
    entry.password = u.password;
    entry.authorized_keys = authorized_keys_file(u.name);
    int line_no = 0;
    for (const std::string& line : u.authorized_keys) {
      ++line_no;
      if (is_comment_or_blank(line)) continue;
      ssh_key key = parse_key_line(line);
      if (key == nullptr)
        return aws::make_error("InvalidAuthorizedKey", "authorized key " + std::to_string(line_no) +
                                                           " of user " + u.name +
                                                           " is not a public key line");
      ssh_key_free(key);
    }
  }
  return std::shared_ptr<const Authenticator>(std::move(auth));
}

bool Authenticator::has_user(const std::string& user) const { return users_.count(user) > 0; }

bool Authenticator::accepts_key(const std::string& user, ssh_key_struct* key) const {
  auto it = users_.find(user);
  if (it == users_.end() || key == nullptr) return false;
  std::ifstream in(it->second.authorized_keys);
  std::string line;
  while (std::getline(in, line)) {
    ssh_key candidate = parse_key_line(line);
    if (candidate == nullptr) continue;
    bool same = ssh_key_cmp(candidate, key, SSH_KEY_CMP_PUBLIC) == 0;
    ssh_key_free(candidate);
    if (same) return true;
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
