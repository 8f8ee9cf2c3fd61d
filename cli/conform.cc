// `opsreg conform --target URL|aws [--region R] [--world FILE] [--json] [CASE...]`: makes each
// conformance case's calls against the fakes and the target and prints where they differ.
#include <cstdio>

#include "cli/command.h"
#include "core/util/data_dir.h"
#include "core/util/json_file.h"
#include "mocks/world/world.h"
#include "scenarios/conform/conform_report.h"
#include "scenarios/conform/conform_runner.h"
#include "scenarios/engine/scenario.h"

namespace opsreg::cli {

namespace {

constexpr char kConformUsage[] =
    "usage: opsreg conform --target URL|aws [--region REGION] [--world FILE] [--json] [CASE...]\n"
    "\n"
    "Makes each conformance case's AWS calls against opsreg's fakes (a fresh world per case) and\n"
    "against the target, then compares the answers: success or the error code and HTTP status,\n"
    "and the members the case names (account ids and the run's name prefix normalised).\n"
    "  --target aws    AWS itself; URL: every service at that endpoint (as --endpoint-url)\n"
    "  credentials come from the standard AWS environment (AWS_PROFILE, AWS_ACCESS_KEY_ID,\n"
    "  AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, ~/.aws/...); the region is the fakes' world's\n"
    "  (us-east-1 by default) unless --region is given, so that both sides answer alike;\n"
    "  names the cases create start with opsreg-conform-XXXXXXXX and are deleted afterwards.\n"
    "CASE: case files or folders (default: fixtures/conformance). Prints a table, or --json.\n"
    "Exit status: 0 no differences, 1 differences (or the target cannot be reached), 2 usage\n"
    "error or a bad case file.\n";

int usage(const std::string& why) {
  std::fprintf(stderr, "opsreg conform: %s\n%s", why.c_str(), kConformUsage);
  return kExitUsage;
}

}  // namespace

int conform_main(const Args& args) {
  std::string target, region, world_path = mocks::World::default_world_path();
  bool json = false;
  std::vector<std::string> paths;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* into) {
      if (i + 1 >= args.size()) return false;
      *into = args[++i];
      return true;
    };
    if (a == "-h" || a == "--help") {
      std::fputs(kConformUsage, stdout);
      return kExitOk;
    } else if (a == "--target") {
      if (!value(&target)) return usage("--target needs a URL or aws");
    } else if (a == "--region") {
      if (!value(&region)) return usage("--region needs a region");
    } else if (a == "--world") {
      if (!value(&world_path)) return usage("--world needs a file");
    } else if (a == "--json") {
      json = true;
    } else if (a.starts_with("-")) {
      return usage("unknown option '" + a + "'");
    } else {
      paths.push_back(a);
    }
  }
  if (target.empty()) return usage("--target is required (a URL, or aws)");
  if (target != "aws" && !target.starts_with("http://") && !target.starts_with("https://"))
    return usage("--target must be aws or an http:// or https:// URL, not '" + target + "'");
  if (std::string problem = data_dir_problem(); !problem.empty()) {
    std::fprintf(stderr, "opsreg conform: %s\n", problem.c_str());
    return kExitFailed;
  }
  if (paths.empty()) paths.push_back(fixtures_dir().string() + "/conformance");
  auto files = scenarios::scenario_files(paths);
  if (!files.ok()) return usage(files.error().message);

  auto world = read_json_file(world_path);
  if (!world.ok()) return usage("world file: " + world.error().message);

  // Both sides in one region: the world's, unless --region says otherwise.
  if (region.empty()) region = world->value("region", "us-east-1");
  scenarios::conform::ConformOptions options;
  options.world = *world;
  options.open_target = [&]() -> Result<std::unique_ptr<scenarios::conform::Side>> {
    auto side = scenarios::conform::TargetSide::open(target, region, config::process_env());
    if (!side.ok()) return side.error();
    return std::unique_ptr<scenarios::conform::Side>(std::move(*side));
  };
  auto results = scenarios::conform::run_cases(*files, options);
  if (!results.ok()) {
    std::fprintf(stderr, "opsreg conform: %s\n", results.error().message.c_str());
    return results.error().code == "BadConformanceCase" ? kExitUsage : kExitFailed;
  }
  if (json)
    std::printf("%s\n", scenarios::conform::render_json(*results).dump(2).c_str());
  else
    std::fputs(scenarios::conform::render_table(*results).c_str(), stdout);
  return scenarios::conform::totals(*results).different == 0 ? kExitOk : kExitFailed;
}

}  // namespace opsreg::cli
