// `opsreg conform --target URL|aws [--region R] [--world FILE] [--json] [CASE...]`: makes each
// conformance case's calls against the fakes and the target and prints where they differ.
// Its help: cli/help_texts.cc.
#include <cstdio>

#include "cli/command.h"
#include "cli/help.h"
#include "cli/options.h"
#include "core/util/data_dir.h"
#include "core/util/json_file.h"
#include "mocks/world/world.h"
#include "scenarios/conform/conform_report.h"
#include "scenarios/conform/conform_runner.h"
#include "scenarios/engine/scenario.h"

namespace opsreg::cli {

namespace {

int usage(const std::string& why) { return usage_error(conform_help(), why); }

}  // namespace

int conform_main(const Args& args) {
  auto parsed = parse_options(args, conform_help().options);
  if (!parsed.ok()) return usage(parsed.error().message);
  if (parsed->help) return print_help(conform_help());
  const std::string target = parsed->value("--target").value_or("");
  std::string region = parsed->value("--region").value_or("");
  const std::string world_path =
      parsed->value("--world").value_or(mocks::World::default_world_path());
  const bool json = parsed->has("--json");
  std::vector<std::string> paths = parsed->positional;
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
