// `opsreg conform [--target URL|aws [--record DIR] | --snapshots DIR] [--region R] [--world FILE]
// [--json] [CASE...]`: makes each conformance case's calls against the fakes, compares them with
// the target, a snapshot or AWS's documented outcomes, and prints where they differ.
// Its help: cli/help_texts.cc.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "cli/command.h"
#include "cli/help.h"
#include "cli/options.h"
#include "core/clock/time_format.h"
#include "core/util/data_dir.h"
#include "core/util/json_file.h"
#include "mocks/world/world.h"
#include "scenarios/conform/conform_report.h"
#include "scenarios/conform/conform_runner.h"
#include "scenarios/conform/snapshot.h"
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
  const std::string record = parsed->value("--record").value_or("");
  const std::string snapshots = parsed->value("--snapshots").value_or("");
  std::string region = parsed->value("--region").value_or("");
  const std::string world_path =
      parsed->value("--world").value_or(mocks::World::default_world_path());
  const bool json = parsed->has("--json");
  std::vector<std::string> paths = parsed->positional;
  if (!record.empty() && target.empty()) return usage("--record needs --target: what to record");
  if (!snapshots.empty() && !target.empty()) return usage("give --target or --snapshots, not both");
  if (!target.empty() && target != "aws" && !target.starts_with("http://") &&
      !target.starts_with("https://"))
    return usage("--target must be aws or an http:// or https:// URL, not '" + target + "'");
  if (std::string problem = data_dir_problem(); !problem.empty()) {
    std::fprintf(stderr, "opsreg conform: %s\n", problem.c_str());
    return kExitFailed;
  }
  const bool all_cases = paths.empty();
  if (all_cases) paths.push_back(fixtures_dir().string() + "/conformance");
  auto files = scenarios::scenario_files(paths);
  if (!files.ok()) return usage(files.error().message);
  if (all_cases && target == "aws") {
    // Cases about opsreg's own model would only differ from AWS; they run when named.
    std::erase_if(*files, [](const std::filesystem::path& f) {
      auto c = scenarios::conform::load_conform_case(f);
      if (!c.ok() || !c->opsreg_only) return false;
      std::fprintf(stderr, "opsreg conform: not run against AWS: %s (opsreg's own model)\n",
                   c->name.c_str());
      return true;
    });
  }

  auto world = read_json_file(world_path);
  if (!world.ok()) return usage("world file: " + world.error().message);

  // Both sides in one region: the world's, unless --region says otherwise.
  if (region.empty()) region = world->value("region", "us-east-1");
  scenarios::conform::ConformOptions options;
  options.world = *world;
  scenarios::conform::SnapshotRecorder recorder(
      record, {target, region, format_iso8601(std::chrono::system_clock::now()),
               std::string("opsreg ") + OPSREG_VERSION});
  scenarios::conform::SnapshotReference snapshot(snapshots);
  scenarios::conform::DocumentedReference documented;
  if (!target.empty()) {
    options.open_target = [&]() -> Result<std::unique_ptr<scenarios::conform::Side>> {
      auto side = scenarios::conform::TargetSide::open(target, region, config::process_env());
      if (!side.ok()) return side.error();
      return std::unique_ptr<scenarios::conform::Side>(std::move(*side));
    };
    if (!record.empty()) options.observer = &recorder;
  } else if (!snapshots.empty()) {
    options.reference = &snapshot;
  } else {
    options.reference = &documented;
  }
  auto results = scenarios::conform::run_cases(*files, options);
  if (!results.ok()) {
    std::fprintf(stderr, "opsreg conform: %s\n", results.error().message.c_str());
    return results.error().code == "BadConformanceCase" ? kExitUsage : kExitFailed;
  }
  if (!record.empty()) {
    if (Status s = recorder.write(); !s.ok()) {
      std::fprintf(stderr, "opsreg conform: %s\n", s.error().message.c_str());
      return kExitFailed;
    }
  }
  if (json)
    std::printf("%s\n", scenarios::conform::render_json(*results).dump(2).c_str());
  else
    std::fputs(scenarios::conform::render_table(*results).c_str(), stdout);
  return scenarios::conform::totals(*results).different == 0 ? kExitOk : kExitFailed;
}

}  // namespace opsreg::cli
