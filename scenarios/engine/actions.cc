// The action steps: register (the real procedure), call (a signed request through the edge's
// port), advance (the world clock, agents contacting), host changes, and fault (rules added to the
// world's fault plan); exec (a user's command) is exec_step.cc.
#include <fstream>

#include "core/agent/agent_config.h"
#include "core/clock/time_format.h"
#include "core/config/instance_metadata.h"
#include "core/register/arguments.h"
#include "core/register/command.h"
#include "core/util/data_dir.h"
#include "core/util/path_inside.h"
#include "scenarios/engine/exec_step.h"
#include "scenarios/engine/fleet_step.h"
#include "scenarios/engine/register_context.h"
#include "scenarios/engine/steps.h"
#include "scenarios/engine/wire_call.h"

namespace opsreg::scenarios {

namespace fs = std::filesystem;

namespace {

aws::Error step_error(const Step& s, const std::string& what) {
  return aws::make_error("ScenarioStepFailed",
                         "step " + std::to_string(s.index) + " (" + s.kind + "): " + what, 0);
}

void set_failed(StepOutcome* last, const aws::Error& e, int exit = 1) {
  last->exit = exit;
  last->error_code = e.code;
  last->message = e.code + ": " + e.message;
}

Status run_register(ScenarioWorld& w, const Step& s, StepOutcome* last) {
  auto flags = resolve(s.body, w);
  if (!flags.ok()) return step_error(s, flags.error().message);
  // "on_host": with --local, the machine the command runs on is that world host (its
  // metadata service, its hostname; the script reaches it over SSH, never this machine).
  std::string on_host = flags->value("on_host", "");
  flags->erase("on_host");
  // "ssh_password": what the operator types at ssh's password prompt. Without it there is
  // no answer (a scenario never reads OPSREG_SSH_PASSWORD or prompts on the terminal).
  std::optional<std::string> ssh_password;
  if (flags->contains("ssh_password")) {
    if (!(*flags)["ssh_password"].is_string())
      return step_error(s, "ssh_password must be a string");
    ssh_password = (*flags)["ssh_password"].get<std::string>();
    flags->erase("ssh_password");
  }
  auto argv = register_argv(*flags);
  if (!argv.ok()) return step_error(s, argv.error().message);
  auto parsed = registration::parse_arguments(*argv);
  if (!parsed.ok()) return step_error(s, parsed.error().message);
  registration::Arguments args = *parsed;
  if (Status v = registration::validate(args, registration::platform_system()); !v.ok()) {
    set_failed(last, v.error(), 2);
    last->message = "usage error: " + v.error().message;
    return {};
  }
  auto creds = w.identity(s.as);
  if (!creds.ok()) return step_error(s, creds.error().message);
  if (!args.ssh_config) args.ssh_config = w.fleet().ssh_config_path().string();

  std::string output;
  registration::CommandContext context = register_context(w, *creds, ssh_password, &output);
  if (args.local) {
    const mocks::ssh::FleetHost* host = nullptr;
    for (const auto& h : w.fleet().hosts())
      if (h.host.name == on_host) host = &h;
    if (!host) return step_error(s, "--local needs \"on_host\": the world host it runs on");
    std::string metadata_url = host->metadata_url;
    context.identity_document = [metadata_url]() -> Result<config::IdentityDocument> {
      if (metadata_url.empty())
        return aws::make_error("MetadataServiceUnavailable", "not an EC2 host", 0);
      config::MetadataOptions o;
      o.endpoint = metadata_url;
      return config::InstanceMetadataClient(o).identity_document();
    };
    context.local_hostname = [on_host] { return on_host; };
    context.target = [&args, &context, on_host](const std::string&) {
      registration::Arguments over_ssh = args;
      over_ssh.local = false;
      over_ssh.target = on_host;
      return registration::make_target_runner(over_ssh, on_host, context.io);
    };
  }
  auto ran = registration::run_register_command(args, context);
  if (!ran.ok()) {
    set_failed(last, ran.error());
    return {};
  }
  const registration::Report& report = *ran;
  w.saved[s.save_as] = report.outcome.to_json();
  std::string warnings;
  for (const auto& x : report.outcome.warnings) warnings += "warning: " + x + "\n";
  if (!report.ok()) {
    set_failed(last, report.failure->error);
    last->message = report.failure->message();
  } else {
    last->message = "Registered instance " + report.outcome.instance_id + " (" +
                    report.outcome.hostname + ") with stack " + report.outcome.stack_id;
  }
  last->message += "\n" + warnings + output;
  return {};
}

Status run_call(ScenarioWorld& w, const Step& s, StepOutcome* last) {
  auto body = resolve(s.body, w);
  if (!body.ok()) return step_error(s, body.error().message);
  const std::string service = (*body)["service"], operation = (*body)["operation"];
  nlohmann::json params = body->value("params", nlohmann::json::object());
  auto creds = w.identity(s.as);
  if (!creds.ok()) return step_error(s, creds.error().message);
  // "clock_skew": "16m" (ahead) or "-16m" (behind): the caller's clock is off the world's.
  std::chrono::microseconds skew{};
  if (body->contains("clock_skew")) {
    std::string text = (*body)["clock_skew"];
    bool behind = text.starts_with("-");
    auto d = parse_duration(behind ? text.substr(1) : text);
    if (!d) return step_error(s, "clock_skew needs a duration such as \"16m\" or \"-16m\"");
    skew = behind ? -*d : *d;
  }
  auto client = w.client(service, *creds, skew);
  if (!client.ok()) return step_error(s, client.error().message);
  auto result = wire_call(*client, service, operation, params);
  if (!result.ok()) {
    // S3 params that do not fit once references are resolved cannot run at all.
    if (result.error().code == "BadScenario") return step_error(s, result.error().message);
    set_failed(last, result.error());
    return {};
  }
  w.saved[s.save_as] = *result;
  last->message = operation + " succeeded";
  return {};
}

Status run_host(ScenarioWorld& w, const Step& s, StepOutcome* last) {
  auto body = resolve(s.body, w);
  if (!body.ok()) return step_error(s, body.error().message);
  const std::string name = (*body)["name"];
  auto root = w.host_root(name);
  if (!root.ok()) return step_error(s, root.error().message);
  // Every path is read inside the host's tree; one that leads out (a symlink) fails the step.
  auto inside = [&](const std::string& path) {
    return path_inside(*root, path, AbsoluteNames::kFromTheRoot);
  };
  if (body->contains("write_file")) {
    const auto& f = (*body)["write_file"];
    auto p = inside(f["path"].get<std::string>());
    if (!p.ok()) return step_error(s, name + ": write_file path " + p.error().message);
    fs::create_directories(p->parent_path());
    std::ofstream out(*p, std::ios::binary | std::ios::trunc);
    out << f["content"].get<std::string>();
    if (!out) return step_error(s, "cannot write " + f["path"].get<std::string>() + " on " + name);
  } else if (body->contains("host_key_changed")) {
    // The operator's known_hosts remembers another key for the host (as after a reinstall):
    // its line gets a different ed25519 key (fixtures/ssh/runner_host_b_ed25519.pub).
    std::ifstream other_in(fixtures_dir() / "ssh/runner_host_b_ed25519.pub");
    std::string type, blob;
    other_in >> type >> blob;
    int port = 0;
    for (const auto& h : w.fleet().hosts())
      if (h.host.name == name) port = h.ssh->port();
    std::ifstream in(w.fleet().known_hosts_path());
    std::string line, out, prefix = "[127.0.0.1]:" + std::to_string(port) + " ";
    while (std::getline(in, line))
      out += (line.starts_with(prefix) ? prefix + type + " " + blob : line) + "\n";
    in.close();
    std::ofstream(w.fleet().known_hosts_path(), std::ios::trunc) << out;
  } else if (body->contains("mount")) {
    const auto& m = (*body)["mount"];
    auto mounts = inside("/proc/mounts");
    auto point = inside(m["mount_point"].get<std::string>());
    if (!mounts.ok()) return step_error(s, name + ": /proc/mounts " + mounts.error().message);
    if (!point.ok()) return step_error(s, name + ": mount_point " + point.error().message);
    fs::create_directories(mounts->parent_path());
    std::ofstream out(*mounts, std::ios::app);
    out << m["device"].get<std::string>() << " " << m["mount_point"].get<std::string>()
        << " ext4 rw,relatime 0 0\n";
    fs::create_directories(*point);
  } else {
    agent::AgentHost host{root->string(), name, "", ""};
    auto config = agent::read_agent_config(host);
    if (!config.ok()) return step_error(s, name + ": " + config.error().message);
    for (const auto& [k, v] : (*body)["agent_config"].items()) (*config)[k] = v;
    if (Status st = agent::write_agent_config(host, *config); !st.ok())
      return step_error(s, st.error().message);
  }
  last->exit = 0;
  last->error_code.clear();
  last->message = "host " + name + " changed";
  return {};
}

}  // namespace

Status run_action(ScenarioWorld& w, const Step& s, StepOutcome* last) {
  *last = StepOutcome{};
  last->any = true;
  last->step = s.index;
  last->kind = s.kind;
  if (s.kind == "register") return run_register(w, s, last);
  if (s.kind == "register_fleet") return run_register_fleet(w, s, last);
  if (s.kind == "call") return run_call(w, s, last);
  if (s.kind == "host") return run_host(w, s, last);
  if (s.kind == "exec") return run_exec(w, s, last);
  if (s.kind == "advance") {
    w.agents().advance(*parse_duration(s.body.get<std::string>()));
    last->message =
        "advanced " + s.body.get<std::string>() + " to " + format_iso8601(w.world().now());
    return {};
  }
  // fault: AWS rules and SSH host faults added to the world's fault plan, as a world file's
  // "faults" or POST /_opsreg/faults take them (mocks/faults/fault_plan.h).
  std::vector<std::string> hosts = mocks::host_names(w.world().hosts());
  if (Status added = w.world().faults().add_json(s.body, &hosts); !added.ok())
    return step_error(s, added.error().message);
  last->message = "fault added: " + s.body.dump();
  return {};
}

}  // namespace opsreg::scenarios
