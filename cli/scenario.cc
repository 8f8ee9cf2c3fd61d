// `opsreg scenario run [-j N] [--json] [--junit FILE] [--shard K/N] … PATH…`: runs scenario
// files (or every *.json under folders), each in its own world, or one shard of them, and
// reports; exit 0 all passed, 1 any failed. `opsreg scenario merge-junit OUT IN…`: the shards'
// JUnit files as one. Its help: cli/help_texts.cc.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "cli/help.h"
#include "cli/options.h"
#include "cli/scenario_shard.h"
#include "core/util/atomic_file.h"
#include "core/util/json_file.h"
#include "scenarios/engine/junit_merge.h"
#include "scenarios/engine/report.h"
#include "scenarios/engine/runner.h"
#include "scenarios/engine/timings.h"

namespace opsreg::cli {

namespace {

namespace fs = std::filesystem;
using scenarios::Timings;

int usage(const std::string& why) { return usage_error(scenario_help(), why); }

int cannot_write(const std::string& file, const std::string& why) {
  std::fprintf(stderr, "opsreg scenario: cannot write %s%s\n", file.c_str(), why.c_str());
  return kExitFailed;
}

// "by count", or how much of the shard's weighing the timings decided.
std::string weighing(const std::vector<scenarios::ShardItem>& items, const Timings& timings,
                     const std::string& file) {
  size_t recorded = 0;
  for (const auto& item : items) recorded += timings.count(item.name);
  if (recorded == 0) return "balanced by count (no recorded durations)";
  std::string how = "balanced by the durations in " + file + " (" + std::to_string(recorded) +
                    " of " + std::to_string(items.size()) + " recorded";
  return how + (recorded < items.size() ? ", the others at their median)" : ")");
}

// The files shard K of N takes, saying on stderr which shard this is, from where, and how much.
std::vector<fs::path> shard_files(const std::vector<fs::path>& files, const ShardChoice& choice,
                                  const Timings& timings, const std::string& timings_file) {
  std::vector<scenarios::ShardItem> items;
  for (const auto& f : files) items.push_back({scenarios::result_name(f), f.string()});
  std::vector<fs::path> out;
  for (size_t i : scenarios::shard_positions(items, timings, choice.shard)) out.push_back(files[i]);
  std::fprintf(stderr, "opsreg scenario: shard %s (from %s): %zu of %zu scenarios, %s\n",
               choice.shard.text().c_str(), choice.source.c_str(), out.size(), files.size(),
               weighing(items, timings, timings_file).c_str());
  return out;
}

int run_main(const Args& args) {
  auto parsed = parse_options(args, scenario_help().options);
  if (!parsed.ok()) return usage(parsed.error().message);
  if (parsed->help) return print_help(scenario_help());
  scenarios::RunOptions options;
  if (auto jobs = parsed->value("--jobs")) {
    options.jobs = std::atoi(jobs->c_str());
    if (options.jobs <= 0) return usage("-j needs a positive number, not '" + *jobs + "'");
  }
  for (const char* flag : {"--junit", "--timings", "--write-timings"})
    if (parsed->value(flag) == "") return usage(std::string(flag) + " needs a value (FILE)");
  const bool json = parsed->has("--json");
  const std::vector<std::string>& paths = parsed->positional;
  if (paths.empty()) return usage("at least one scenario file or folder is required");
  auto choice = choose_shard(parsed->value("--shard"), parsed->value("--shards"), process_env);
  if (!choice.ok()) return usage(choice.error().message);
  const int k = *choice ? (*choice)->shard.index : 1;

  const std::string timings_file = parsed->value("--timings").value_or("");
  Timings timings;
  if (!timings_file.empty()) {
    auto read = scenarios::read_timings(timings_file);
    if (!read.ok()) return usage(read.error().message);
    if (*read) timings = **read;
  }
  // Written after the run over what the file holds already, so it is checked now.
  const std::string write_timings =
      scenarios::with_shard(parsed->value("--write-timings").value_or(""), k);
  Timings written;
  if (!write_timings.empty()) {
    auto read = scenarios::read_timings(write_timings);
    if (!read.ok()) return usage(read.error().message);
    if (*read) written = **read;
  }
  const std::string junit = scenarios::with_shard(parsed->value("--junit").value_or(""), k);

  auto files = scenarios::scenario_files(paths);
  if (!files.ok()) return usage(files.error().message);
  if (files->empty()) return usage("no *.json scenario files under the given paths");
  if (*choice) *files = shard_files(*files, **choice, timings, timings_file);
  if (parsed->has("--list")) {
    for (const auto& f : *files) std::cout << f.string() << "\n";
    return kExitOk;
  }

  std::vector<scenarios::ScenarioResult> results = scenarios::run_scenarios(*files, options);
  std::cout << (json ? scenarios::json_report(results) : scenarios::table_report(results));
  std::cout.flush();
  if (!junit.empty()) {
    std::ofstream out(junit, std::ios::trunc);
    out << scenarios::junit_report(
        results, *choice ? std::optional<scenarios::Shard>((*choice)->shard) : std::nullopt);
    if (!out) return cannot_write(junit, "");
  }
  if (!write_timings.empty()) {
    auto wrote =
        scenarios::write_timings(write_timings, scenarios::merge_timings(written, results));
    if (!wrote.ok()) return cannot_write(write_timings, ": " + wrote.error().message);
  }
  bool bad = false, failed = false;
  for (const auto& r : results) {
    bad = bad || r.bad_file;
    failed = failed || !r.passed;
  }
  return bad ? kExitUsage : failed ? kExitFailed : kExitOk;
}

// `merge-junit OUT IN...`: exit 0 merged (whatever the tests' outcomes), 1 a shard missing
// (OUT is still written) or OUT not written, 2 usage or an input that is not JUnit.
int merge_junit_main(const Args& args) {
  auto parsed = parse_options(args, {help_option()});
  if (!parsed.ok()) return usage(parsed.error().message);
  if (parsed->help) return print_help(scenario_help());
  const auto& words = parsed->positional;
  if (words.size() < 2) return usage("merge-junit needs OUT and at least one IN file");
  const std::string& out = words[0];
  std::vector<scenarios::JunitFile> inputs;
  for (size_t i = 1; i < words.size(); ++i) {
    std::error_code ec;
    if (fs::exists(out, ec) && fs::equivalent(out, words[i], ec))
      return usage("OUT (" + out + ") is also an input; name another file to write");
    auto text = read_regular_file(words[i]);
    if (!text.ok()) return usage(text.error().message);
    inputs.push_back({words[i], *text});
  }
  auto merged = scenarios::merge_junit(inputs);
  if (!merged.ok()) return usage(merged.error().message);
  auto wrote = write_file_atomically(out, merged->xml, 0644);
  if (!wrote.ok()) return cannot_write(out, ": " + wrote.error().message);
  const auto& c = merged->counts;
  std::printf("merged %zu files into %s: %d tests, %d failures, %d errors, %d skipped\n",
              inputs.size(), out.c_str(), c.tests, c.failures, c.errors, c.skipped);
  for (const auto& shard : merged->missing_shards)
    std::fprintf(stderr, "opsreg scenario: shard %s is missing (no file given is its report)\n",
                 shard.c_str());
  return merged->missing_shards.empty() ? kExitOk : kExitFailed;
}

}  // namespace

int scenario_main(const Args& args) {
  const std::vector<std::string> subcommands = {"run", "merge-junit"};
  if (args.empty()) return usage("a subcommand is required (run, merge-junit)");
  if (args[0] == "-h" || args[0] == "--help") return print_help(scenario_help());
  Args rest(args.begin() + 1, args.end());
  if (args[0] == "run") return run_main(rest);
  if (args[0] == "merge-junit") return merge_junit_main(rest);
  return usage(unknown_word("subcommand", args[0], subcommands));
}

}  // namespace opsreg::cli
