// Choosing the shard from --shard, --shards and the CI's variables, refusing contradictions.
#include "cli/scenario_shard.h"

#include <cstdlib>

namespace opsreg::cli {

namespace {

using scenarios::Shard;

aws::Error usage(const std::string& why) { return aws::make_error("UsageError", why, 0); }

const std::string kMax = std::to_string(Shard::kMaxShards);

// A variable's value with empty taken as unset.
std::optional<std::string> read(const Getenv& env, const std::string& name) {
  auto value = env(name);
  if (value && value->empty()) return std::nullopt;
  return value;
}

// N as --shards or OPSREG_SHARDS gives it: {N, "--shards N" / "OPSREG_SHARDS=N"}.
struct Total {
  int value = 0;
  std::string source;
};

// With --shard, OPSREG_SHARDS is not read (`use_env` false): the flag wins over the environment.
Result<std::optional<Total>> given_total(const std::optional<std::string>& flag, const Getenv& env,
                                         bool use_env) {
  std::optional<std::string> text = flag || !use_env ? flag : read(env, "OPSREG_SHARDS");
  if (!text) return std::optional<Total>();
  std::string source = flag ? "--shards " + *text : "OPSREG_SHARDS=" + *text;
  auto n = scenarios::parse_count(*text);
  if (!n) return usage(source + ": the number of shards must be a whole number from 1 to " + kMax);
  if (*n < 1 || *n > Shard::kMaxShards)
    return usage(source + ": the number of shards must be from 1 to " + kMax);
  return std::optional<Total>(Total{*n, source});
}

Result<ShardChoice> from_flag(const std::string& text, const std::optional<Total>& total) {
  auto shard = scenarios::parse_shard_text(text);
  if (!shard)
    return usage("--shard '" + text +
                 "' is not K/N (shard K of N, K counting from 1 as GitLab's CI_NODE_INDEX "
                 "does: --shard 2/3)");
  const std::string named = "--shard " + text;
  if (shard->total < 1 || shard->total > Shard::kMaxShards)
    return usage(named + ": N must be from 1 to " + kMax);
  if (!shard->valid())
    return usage(named + ": K must be from 1 to " + std::to_string(shard->total) +
                 " (shards count from 1)");
  if (total && total->value != shard->total)
    return usage(total->source + " conflicts with " + named);
  return ShardChoice{*shard, named};
}

// GitLab's `parallel:` jobs: CI_NODE_INDEX (from 1) of CI_NODE_TOTAL.
Result<std::optional<ShardChoice>> from_gitlab(const Getenv& env,
                                               const std::optional<Total>& total) {
  auto index = read(env, "CI_NODE_INDEX");
  auto count = read(env, "CI_NODE_TOTAL");
  if (!index && !count) return std::optional<ShardChoice>();
  if (!index || !count)
    return usage(std::string(index ? "CI_NODE_INDEX" : "CI_NODE_TOTAL") + " is set but " +
                 (index ? "CI_NODE_TOTAL" : "CI_NODE_INDEX") +
                 " is not (GitLab sets both for a job with `parallel:`)");
  const std::string source = "CI_NODE_INDEX=" + *index + ", CI_NODE_TOTAL=" + *count;
  auto k = scenarios::parse_count(*index);
  auto n = scenarios::parse_count(*count);
  if (!n || *n < 1 || *n > Shard::kMaxShards)
    return usage("CI_NODE_TOTAL=" + *count + ": the number of shards must be from 1 to " + kMax);
  if (!k) return usage("CI_NODE_INDEX=" + *index + " is not a whole number");
  if (*k < 1 || *k > *n)
    return usage("CI_NODE_INDEX=" + *index + " is outside 1.." + *count +
                 " (it counts from 1, up to CI_NODE_TOTAL)");
  if (total && total->value != *n)
    return usage(total->source + " conflicts with CI_NODE_TOTAL=" + *count);
  return std::optional<ShardChoice>(ShardChoice{{*k, *n}, source});
}

// A Kubernetes indexed Job: JOB_COMPLETION_INDEX (from 0); N from --shards or OPSREG_SHARDS.
Result<std::optional<ShardChoice>> from_kubernetes(const Getenv& env,
                                                   const std::optional<Total>& total) {
  auto index = read(env, "JOB_COMPLETION_INDEX");
  if (!index) return std::optional<ShardChoice>();
  auto k = scenarios::parse_count(*index);
  if (!k) return usage("JOB_COMPLETION_INDEX=" + *index + " is not a whole number");
  if (!total)
    return usage("JOB_COMPLETION_INDEX=" + *index +
                 " (a Kubernetes indexed Job) needs the number of shards: --shards N or "
                 "OPSREG_SHARDS=N (the Job's completions)");
  if (*k >= total->value)
    return usage("JOB_COMPLETION_INDEX=" + *index + " is outside 0.." +
                 std::to_string(total->value - 1) + " (it counts from 0; " + total->source + ")");
  return std::optional<ShardChoice>(ShardChoice{
      {*k + 1, total->value}, "JOB_COMPLETION_INDEX=" + *index + " (from 0), " + total->source});
}

}  // namespace

std::optional<std::string> process_env(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (!value) return std::nullopt;
  return std::string(value);
}

Result<std::optional<ShardChoice>> choose_shard(const std::optional<std::string>& shard_flag,
                                                const std::optional<std::string>& shards_flag,
                                                const Getenv& env) {
  auto total = given_total(shards_flag, env, !shard_flag);
  if (!total.ok()) return total.error();
  if (shard_flag) {
    auto choice = from_flag(*shard_flag, *total);
    if (!choice.ok()) return choice.error();
    return std::optional<ShardChoice>(*choice);
  }
  auto gitlab = from_gitlab(env, *total);
  if (!gitlab.ok()) return gitlab.error();
  auto kubernetes = from_kubernetes(env, *total);
  if (!kubernetes.ok()) return kubernetes.error();
  if (*gitlab && *kubernetes && (*gitlab)->shard.text() != (*kubernetes)->shard.text())
    return usage((*gitlab)->source + " (shard " + (*gitlab)->shard.text() + ") and " +
                 (*kubernetes)->source + " (shard " + (*kubernetes)->shard.text() +
                 ") disagree; choose one with --shard K/N");
  if (*gitlab) return *gitlab;
  if (*kubernetes) return *kubernetes;
  if (*total)
    return usage(
        (*total)->source +
        " needs a shard index: --shard K/N, CI_NODE_INDEX (GitLab) or JOB_COMPLETION_INDEX "
        "(a Kubernetes indexed Job)");
  return std::optional<ShardChoice>();
}

}  // namespace opsreg::cli
