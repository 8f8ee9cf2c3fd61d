// `opsreg scenario run PATH… [-j N] [--json] [--junit FILE]`: runs scenario files (or every
// *.json under folders), each in its own world, and reports; exit 0 all passed, 1 any failed.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "scenarios/engine/report.h"
#include "scenarios/engine/runner.h"

namespace opsreg::cli {

namespace {

constexpr char kScenarioUsage[] =
    "usage: opsreg scenario run PATH... [-j N] [--json] [--junit FILE]\n"
    "\n"
    "Runs each scenario file (folders: every *.json under them, recursively), each in its own\n"
    "world on a virtual clock, N at a time (default: the number of processors). Prints a table\n"
    "(name, result, time, reason) whose last line is \"N passed, N failed\"; --json prints the\n"
    "results as JSON instead; --junit FILE also writes JUnit XML for CI systems.\n"
    "Exit status: 0 all passed, 1 any failed, 2 usage error or a bad scenario file.\n"
    "The format: scenarios/README.md.\n";

int usage(const std::string& why) {
  std::fprintf(stderr, "opsreg scenario: %s\n%s", why.c_str(), kScenarioUsage);
  return kExitUsage;
}

}  // namespace

int scenario_main(const Args& args) {
  if (args.empty()) return usage("a subcommand is required");
  if (args[0] == "-h" || args[0] == "--help") {
    std::fputs(kScenarioUsage, stdout);
    return kExitOk;
  }
  if (args[0] != "run") return usage("unknown subcommand '" + args[0] + "'");
  std::vector<std::string> paths;
  std::string junit;
  bool json = false;
  scenarios::RunOptions options;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") {
      json = true;
    } else if ((a == "--junit" || a == "-j" || a == "--jobs") && i + 1 < args.size()) {
      if (a == "--junit") {
        junit = args[++i];
      } else {
        options.jobs = std::atoi(args[++i].c_str());
        if (options.jobs <= 0) return usage("-j needs a positive number");
      }
    } else if (a == "-h" || a == "--help") {
      std::fputs(kScenarioUsage, stdout);
      return kExitOk;
    } else if (a.starts_with("-")) {
      return usage("unknown option '" + a + "'");
    } else {
      paths.push_back(a);
    }
  }
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
