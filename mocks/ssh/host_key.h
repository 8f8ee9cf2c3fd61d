// The fake host's SSH host key: loaded from a file or freshly generated (Ed25519), held in
// memory for the server, with its OpenSSH fingerprint and public key line; a generated key is
// written into the host's tree when the tree is made.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/util/result.h"

struct ssh_key_struct;

namespace opsreg::mocks::ssh {

struct HostKey {
  std::string fingerprint;  // "SHA256:<base64, no padding>"
  std::string public_key;   // "<type> <base64 blob>"
  // A generated key's private half as an OpenSSH private key file's text; empty for a key read
  // from a file (the file stays where it is).
  std::string generated_private_key;

  // Reads `source` (OpenSSH or PEM; RSA, ECDSA or Ed25519) if given, else generates an
  // Ed25519 key. Errors: "InvalidHostKey".
  static Result<HostKey> load_or_generate(const std::filesystem::path& source);
  // The key for the server (libssh's SSH_BIND_OPTIONS_IMPORT_KEY takes it over); null once
  // taken.
  ssh_key_struct* take_server_key() { return server_key.release(); }
  // A generated key as `file` (mode 0600) with `file`.pub beside it; nothing for a loaded one.
  Status write_generated(const std::filesystem::path& file) const;

  struct KeyFree {
    void operator()(ssh_key_struct* key) const;
  };
  std::unique_ptr<ssh_key_struct, KeyFree> server_key;
};

}  // namespace opsreg::mocks::ssh
