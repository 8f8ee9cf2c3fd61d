// The fake host's SSH host key: loaded from a file or freshly generated (Ed25519), kept as
// a private key file the server reads, with its OpenSSH fingerprint and public key line.
#pragma once

#include <filesystem>
#include <string>

#include "core/util/result.h"

namespace opsreg::mocks::ssh {

struct HostKey {
  std::filesystem::path private_key_file;  // what the server loads (mode 0600)
  std::string fingerprint;                 // "SHA256:<base64, no padding>"
  std::string public_key;                  // "<type> <base64 blob>"

  // Reads `source` (OpenSSH or PEM; RSA, ECDSA or Ed25519) if given, else generates an
  // Ed25519 key and writes it to `generated_file` (0600) with a ".pub" beside it.
  // Errors: "InvalidHostKey".
  static Result<HostKey> load_or_generate(const std::filesystem::path& source,
                                          const std::filesystem::path& generated_file);
};

}  // namespace opsreg::mocks::ssh
