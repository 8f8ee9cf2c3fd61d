// The world's pool of pre-generated agent keys (world setting "agent_key_pool"): one private
// PEM file of N RSA-2048 keys, taken from the committed fixtures/agent-key-pool.pem first.
#pragma once

#include <memory>
#include <string>

#include "core/util/result.h"

namespace opsreg::mocks {

class AgentKeyPool {
 public:
  // Writes a pool of `count` keys to a new file (mode 0600) in the temporary directory: the
  // first keys of `fixture_pool` (a pool file from `opsreg agent make-key-pool`), and only the
  // keys it lacks generated now. Errors: "InvalidKeyPool", "KeyGenerationFailed".
  static Result<std::unique_ptr<AgentKeyPool>> make(int count, const std::string& fixture_pool);
  // The committed fixture pool (fixtures/agent-key-pool.pem).
  static std::string fixture_path();

  AgentKeyPool(const AgentKeyPool&) = delete;
  AgentKeyPool& operator=(const AgentKeyPool&) = delete;
  ~AgentKeyPool();  // removes the file

  const std::string& path() const { return path_; }

 private:
  explicit AgentKeyPool(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace opsreg::mocks
