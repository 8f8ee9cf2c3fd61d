// The agent's RSA key pair (docs/agent.md): a real RSA-2048 key made with OpenSSL, its
// public key as PEM and its fingerprint, as sent in RegisterInstance; or one from a pool.
#pragma once

#include <string>
#include <vector>

#include "core/util/result.h"

namespace opsreg::agent {

struct RsaKeyPair {
  std::string private_pem;  // PKCS#8 "BEGIN PRIVATE KEY": a secret, never logged
  std::string public_pem;   // SubjectPublicKeyInfo "BEGIN PUBLIC KEY" (RsaPublicKey)
  // RsaPublicKeyFingerprint: MD5 of the DER SubjectPublicKeyInfo as lowercase colon-separated
  // hex ("3f:a2:...", 16 bytes) — our choice, documented in docs/agent.md (the real agent's form
  // is not public; this is the form `openssl pkey -pubout -outform DER | openssl md5 -c` gives).
  std::string fingerprint;
};

// A fresh key pair of `bits` bits (OpenSSL EVP). Errors: "KeyGenerationFailed".
Result<RsaKeyPair> generate_rsa_key(int bits = 2048);

// The pair of a PEM private key (PKCS#1 or PKCS#8). Errors: "InvalidKey".
Result<RsaKeyPair> rsa_key_from_pem(const std::string& private_pem);

// The fingerprint of a public key PEM (see RsaKeyPair::fingerprint). Errors: "InvalidKey".
Result<std::string> public_key_fingerprint(const std::string& public_pem);

// A key pool is one file of concatenated PEM private keys, made ahead of time so that a
// registration need not spend ≈ 0.25 s generating a key. Writes `count` fresh RSA-2048 keys
// to `path` (mode 0600).
Status write_key_pool(const std::string& path, int count);
// Reads every private key of a pool file. Errors: "InvalidKeyPool" (missing, empty, bad PEM).
Result<std::vector<std::string>> read_key_pool(const std::string& path);
// The pool's key for `seed` (e.g. stack id + hostname): index FNV-1a(seed) mod pool size, so a
// host always draws the same key and different hosts mostly different ones.
Result<RsaKeyPair> key_from_pool(const std::string& path, const std::string& seed);

}  // namespace opsreg::agent
