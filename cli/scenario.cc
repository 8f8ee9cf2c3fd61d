// `opsreg scenario run [-j N] [--json] [--junit FILE] PATH…`: runs scenario files (or every
// *.json under folders), each in its own world, and reports; exit 0 all passed, 1 any failed.
// Its help: cli/help_texts.cc.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "cli/help.h"
#include "cli/options.h"
#include "scenarios/engine/report.h"
#include "scenarios/engine/runner.h"

namespace opsreg::cli {

namespace {

int usage(const std::string& why) { return usage_error(scenario_help(), why); }

}  // namespace

int scenario_main(const Args& args) {
  if (args.empty()) return usage("a subcommand is required (run)");
  if (args[0] == "-h" || args[0] == "--help") return print_help(scenario_help());
  if (args[0] != "run") return usage(unknown_word("subcommand", args[0], {"run"}));
  auto parsed = parse_options(Args(args.begin() + 1, args.end()), scenario_help().options);
  if (!parsed.ok()) return usage(parsed.error().message);
  if (parsed->help) return print_help(scenario_help());
  scenarios::RunOptions options;
  if (auto jobs = parsed->value("--jobs")) {
    options.jobs = std::atoi(jobs->c_str());
    if (options.jobs <= 0) return usage("-j needs a positive number, not '" + *jobs + "'");
  }
  const bool json = parsed->has("--json");
  const std::string junit = parsed->value("--junit").value_or("");
  const std::vector<std::string>& paths = parsed->positional;
  if (paths.empty()) return usage("at least one scenario file or folder is required");
  auto files = scenarios::scenario_files(paths);
  if (!files.ok()) return usage(files.error().message);
  if (files->empty()) return usage("no *.json scenario files under the given paths");

  std::vector<scenarios::ScenarioResult> results = scenarios::run_scenarios(*files, options);
  std::cout << (json ? scenarios::json_report(results) : scenarios::table_report(results));
  std::cout.flush();
  if (!junit.empty()) {
    std::ofstream out(junit, std::ios::trunc);
    out << scenarios::junit_report(results);
    if (!out) {
      std::fprintf(stderr, "opsreg scenario: cannot write %s\n", junit.c_str());
      return kExitFailed;
    }
  }
  bool bad = false, failed = false;
  for (const auto& r : results) {
    bad = bad || r.bad_file;
    failed = failed || !r.passed;
  }
  return bad ? kExitUsage : failed ? kExitFailed : kExitOk;
}

}  // namespace opsreg::cli
