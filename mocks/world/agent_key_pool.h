// The world's pool of pre-generated agent keys (world setting "agent_key_pool"): one private
// PEM file of N RSA-2048 keys, taken from the committed fixtures/agent-key-pool.pem first.
#pragma once

#include <string>

#include "core/util/result.h"

namespace opsreg::mocks {

// The committed fixture pool (fixtures/agent-key-pool.pem, 8 keys).
std::string agent_key_pool_fixture();

// The absolute path of a pool file of `count` keys: the first keys of `fixture_pool` (a pool
// file from `opsreg agent make-key-pool`) and, past those, keys generated once. The file is a
// cache in the temporary directory named by the count, the fixture's digest and the user
// (mode 0600, written atomically), shared by every world that asks for the same pool and kept
// after the world (`opsreg serve` exits without destructors). Errors: "InvalidKeyPool",
// "KeyGenerationFailed".
Result<std::string> agent_key_pool_file(int count, const std::string& fixture_pool);

}  // namespace opsreg::mocks
