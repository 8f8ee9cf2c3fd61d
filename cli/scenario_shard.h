// Which shard of the scenarios this `opsreg scenario run` is: --shard K/N, else the CI's own
// variables (GitLab's CI_NODE_INDEX and CI_NODE_TOTAL, counting from 1; a Kubernetes indexed
// Job's JOB_COMPLETION_INDEX, counting from 0, with N from --shards or OPSREG_SHARDS), else
// none (every scenario). The partition itself: scenarios/engine/shard.h.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/util/result.h"
#include "scenarios/engine/shard.h"

namespace opsreg::cli {

struct ShardChoice {
  scenarios::Shard shard;
  std::string source;  // where it came from: "--shard 2/3", "CI_NODE_INDEX=2, CI_NODE_TOTAL=3"
};

// An environment variable's value, nullopt when unset (an empty value counts as unset).
using Getenv = std::function<std::optional<std::string>(const std::string&)>;

// The process's environment.
std::optional<std::string> process_env(const std::string& name);

// From the flags' values (nullopt: not given) and the environment; nullopt: not sharded.
// --shard wins over the environment; a setting that contradicts another is refused. Errors
// ("UsageError"), e.g. "--shard '3' is not K/N …", "--shard 4/3: K must be from 1 to 3 …",
// "--shards 4 conflicts with CI_NODE_TOTAL=3", "JOB_COMPLETION_INDEX=1 … needs the number of
// shards: --shards N or OPSREG_SHARDS".
Result<std::optional<ShardChoice>> choose_shard(const std::optional<std::string>& shard_flag,
                                                const std::optional<std::string>& shards_flag,
                                                const Getenv& env);

}  // namespace opsreg::cli
