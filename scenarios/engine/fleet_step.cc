// The register_fleet step: many world hosts registered with the same flags, a number at a time,
// each through the real procedure and its own SSH session (core/register/fleet.h). Hosts are
// chosen by name (a list, or glob patterns: "node-*") or by kind ({"infrastructure": "ec2"}).
#include "scenarios/engine/fleet_step.h"

#include <fnmatch.h>

#include <algorithm>
#include <map>

#include "core/register/arguments.h"
#include "core/register/fleet.h"
#include "scenarios/engine/register_context.h"
#include "scenarios/engine/scenario_checks.h"
#include "scenarios/engine/steps.h"

namespace opsreg::scenarios {

namespace {

bool matches(const nlohmann::json& selector, const mocks::WorldHost& h) {
  if (selector.is_string())
    return fnmatch(selector.get<std::string>().c_str(), h.name.c_str(), 0) == 0;
  if (selector.is_array()) {
    for (const auto& one : selector)
      if (matches(one, h)) return true;
    return false;
  }
  return h.infrastructure == selector["infrastructure"].get<std::string>();
}

aws::Error fleet_error(const Step& s, const std::string& what) {
  return aws::make_error("ScenarioStepFailed",
                         "step " + std::to_string(s.index) + " (register_fleet): " + what, 0);
}

}  // namespace

Status run_register_fleet(ScenarioWorld& w, const Step& s, StepOutcome* last) {
  auto body = resolve(s.body, w);
  if (!body.ok()) return fleet_error(s, body.error().message);
  auto argv = register_argv(register_fleet_flags(*body));
  if (!argv.ok()) return fleet_error(s, argv.error().message);
  auto parsed = registration::parse_arguments(*argv);
  if (!parsed.ok()) return fleet_error(s, parsed.error().message);
  registration::Arguments args = *parsed;
  if (!args.ssh_config) args.ssh_config = w.fleet().ssh_config_path().string();

  std::vector<std::string> targets;
  for (const mocks::WorldHost& h : w.world().hosts())
    if (matches((*body)["hosts"], h))
      targets.push_back(args.ec2() && h.ec2 ? h.ec2->instance_id : h.name);
  if (targets.empty()) return fleet_error(s, "no world host matches " + (*body)["hosts"].dump());
  args.target = targets.front();
  if (Status v = registration::validate(args, registration::platform_system()); !v.ok()) {
    last->exit = 2;
    last->error_code = v.error().code;
    last->message = "usage error: " + v.error().message;
    return {};
  }
  auto creds = w.identity(s.as);
  if (!creds.ok()) return fleet_error(s, creds.error().message);
  std::optional<std::string> password;
  if (body->contains("ssh_password")) password = (*body)["ssh_password"].get<std::string>();

  // One output string per target (each registration writes its own; a failure's message
  // already names its step and error).
  std::vector<std::string> outputs(targets.size());
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < targets.size(); ++i) index[targets[i]] = i;
  registration::FleetProgressLine progress;
  registration::FleetOptions options;
  options.concurrency = body->value("concurrency", 4);
  options.context_for = [&](const std::string& target) {
    std::string* output = &outputs[index.at(target)];
    return register_context(w, *creds, password, output);
  };
  options.progress = [&](size_t done, size_t failed, size_t total) {
    progress.show(done, failed, total);
  };
  registration::FleetReport report = registration::register_fleet(args, targets, options);

  w.saved[s.save_as] = report.to_json();
  last->exit = report.failed() == 0 ? 0 : 1;
  last->message = std::to_string(report.registered()) + " of " + std::to_string(targets.size()) +
                  " hosts registered, " + std::to_string(report.failed()) + " failed";
  for (const auto& [code, n] : report.errors())
    last->message += "\n" + std::to_string(n) + " × " + code;
  for (const registration::FleetMember& m : report.members) {
    if (m.ok) continue;
    if (last->error_code.empty()) last->error_code = m.error_code;  // the first, in host order
    last->message += "\n" + m.target + ": " + m.message;
  }
  return {};
}

}  // namespace opsreg::scenarios
