// Loading a scenario file: JSON, the world it names with its changes, and each step's shape.
#include "scenarios/engine/scenario.h"

#include <algorithm>
#include <set>

#include "core/clock/time_format.h"
#include "core/config/endpoints.h"
#include "core/register/arguments.h"
#include "core/util/data_dir.h"
#include "core/util/json_file.h"
#include "core/util/path_inside.h"
#include "mocks/faults/fault_plan.h"
#include "scenarios/engine/exec_step.h"
#include "scenarios/engine/s3_call.h"
#include "scenarios/engine/scenario_checks.h"

namespace opsreg::scenarios {

namespace fs = std::filesystem;

namespace {

aws::Error bad(const std::string& file, const std::string& what) {
  return aws::make_error("BadScenario", file + ": " + what, 0);
}

aws::Error bad_step(const std::string& file, const Step& s, const std::string& what) {
  return bad(file, "step " + std::to_string(s.index) + " (" + s.kind + "): " + what);
}

Result<nlohmann::json> read_json(const fs::path& path) {
  auto j = read_json_file(path);
  if (!j.ok()) return aws::make_error("BadScenario", j.error().message, 0);
  return j;
}

// A file a scenario names (the world file, register's ssh_private_key and ssh_config): absolute,
// else beside the scenario, else under the source tree ("fixtures/worlds/default.json").
fs::path world_path(const std::string& scenario_file, const std::string& name) {
  fs::path p(name);
  if (p.is_absolute()) return p;
  fs::path beside = fs::path(scenario_file).parent_path() / p;
  if (fs::exists(beside)) return beside;
  return fixtures_dir().parent_path() / p;
}

std::string type_of(const nlohmann::json& j) { return j.type_name(); }

// A path on a host, as a step names it: a string that stays inside the host's tree. A "$NAME"
// reference is checked when it resolves.
Status check_host_path(const nlohmann::json& path) {
  if (!path.is_string()) return aws::make_error("BadScenario", "must be a string", 0);
  const std::string text = path.get<std::string>();
  if (text.starts_with("$")) return {};
  return check_path_name(text, AbsoluteNames::kFromTheRoot);
}

const std::set<std::string> kExpectKeys = {
    "exit",     "error_code", "message", "stdout_contains", "stderr_contains",
    "instance", "iam_user",   "file",    "requests",        "result"};

Status check_expect(const std::string& file, const Step& s) {
  const nlohmann::json& b = s.body;
  if (!b.is_object() || b.empty())
    return bad_step(
        file, s,
        "expect needs an object with at least one of exit, error_code, "
        "message, stdout_contains, stderr_contains, instance, iam_user, file, requests, "
        "result");
  for (auto& [k, v] : b.items()) {
    if (!kExpectKeys.count(k))
      return bad_step(file, s,
                      "unknown expectation '" + k +
                          "' (known: exit, error_code, message, stdout_contains, "
                          "stderr_contains, instance, iam_user, file, requests, result)");
    if (k == "exit" && !v.is_number_integer())
      return bad_step(file, s, "exit must be an integer, not " + type_of(v));
    if ((k == "error_code" || k == "message" || k == "stdout_contains" || k == "stderr_contains") &&
        !v.is_string())
      return bad_step(file, s, k + " must be a string");
    if (k == "instance" && !(v.is_object() && v.contains("hostname")))
      return bad_step(file, s, "instance needs an object with \"hostname\"");
    if (k == "iam_user" && !(v.is_object() && (v.contains("name") || v.contains("path_prefix"))))
      return bad_step(file, s, "iam_user needs \"name\" or \"path_prefix\"");
    if (k == "file" && !(v.is_object() && v.contains("host") && v.contains("path")))
      return bad_step(file, s, "file needs \"host\" and \"path\" (and \"contains\" or \"absent\")");
    if (k == "file")
      if (Status st = check_host_path(v["path"]); !st.ok())
        return bad_step(file, s, "file path " + st.error().message);
    if (k == "result" && !v.is_object())
      return bad_step(file, s, "result needs an object {\"NAME.Member\": value}");
    if (k == "requests" && !(v.is_object() && v.contains("service")))
      return bad_step(file, s, "requests needs \"service\" (and operation, caller, count, min)");
  }
  return {};
}

Status check_step(const std::string& file, const Step& s) {
  const nlohmann::json& b = s.body;
  if (s.kind == "register") {
    if (!b.is_object()) return bad_step(file, s, "register needs an object of the CLI's flags");
    nlohmann::json flags = b;
    flags.erase("on_host");
    if (flags.contains("ssh_password") && !flags["ssh_password"].is_string())
      return bad_step(file, s, "ssh_password must be a string");
    flags.erase("ssh_password");
    auto argv = register_argv(flags);
    if (!argv.ok()) return bad_step(file, s, argv.error().message);
    auto parsed = registration::parse_arguments(*argv);
    if (!parsed.ok()) return bad_step(file, s, parsed.error().message);
  } else if (s.kind == "register_fleet") {
    if (std::string wrong = check_register_fleet(b); !wrong.empty())
      return bad_step(file, s, wrong);
    auto argv = register_argv(register_fleet_flags(b));
    if (!argv.ok()) return bad_step(file, s, argv.error().message);
    auto parsed = registration::parse_arguments(*argv);
    if (!parsed.ok()) return bad_step(file, s, parsed.error().message);
  } else if (s.kind == "call") {
    if (!b.is_object() || !b.contains("service") || !b.contains("operation"))
      return bad_step(file, s, "call needs \"service\" and \"operation\"");
    config::Service known;
    if (!b["service"].is_string() ||
        !config::service_from_id(b["service"].get<std::string>(), &known))
      return bad_step(file, s, "service must be one of iam, opsworks, ec2, sts, s3");
    if (!b["operation"].is_string()) return bad_step(file, s, "operation must be a string");
    if (b.contains("clock_skew")) {
      std::string skew = b["clock_skew"].is_string() ? b["clock_skew"].get<std::string>() : "";
      if (!parse_duration(skew.starts_with("-") ? skew.substr(1) : skew))
        return bad_step(file, s, "clock_skew needs a duration such as \"16m\" or \"-16m\"");
    }
    if (b.contains("params") && !b["params"].is_object())
      return bad_step(file, s, "params must be an object");
    if (b["service"] == "s3") {
      Status ok = check_s3_call(b["operation"], b.value("params", nlohmann::json::object()));
      if (!ok.ok()) return bad_step(file, s, ok.error().message);
    }
  } else if (s.kind == "advance") {
    if (!b.is_string() || !parse_duration(b.get<std::string>()))
      return bad_step(file, s,
                      "advance needs a duration such as \"16m\", \"90d\", got " + b.dump());
  } else if (s.kind == "host") {
    if (!b.is_object() || !b.contains("name") || !b["name"].is_string())
      return bad_step(file, s, "host needs \"name\"");
    int actions = b.contains("write_file") + b.contains("mount") + b.contains("agent_config") +
                  b.contains("host_key_changed");
    if (actions != 1)
      return bad_step(file, s,
                      "host needs exactly one of write_file, mount, agent_config, "
                      "host_key_changed");
    if (b.contains("write_file") &&
        !(b["write_file"].contains("path") && b["write_file"].contains("content")))
      return bad_step(file, s, "write_file needs \"path\" and \"content\"");
    if (b.contains("mount") &&
        !(b["mount"].contains("device") && b["mount"].contains("mount_point")))
      return bad_step(file, s, "mount needs \"device\" and \"mount_point\"");
    // Paths on a host are read inside its tree ("/etc/hosts" is the tree's etc/hosts).
    for (auto [action, member] : {std::pair{"write_file", "path"}, {"mount", "mount_point"}})
      if (b.contains(action))
        if (Status st = check_host_path(b[action][member]); !st.ok())
          return bad_step(file, s, std::string(action) + " " + member + " " + st.error().message);
    if (b.contains("agent_config") && !b["agent_config"].is_object())
      return bad_step(file, s, "agent_config needs an object of the config's keys to set");
  } else if (s.kind == "expect") {
    return check_expect(file, s);
  } else if (s.kind == "exec") {
    if (Status ok = check_exec(b); !ok.ok()) return bad_step(file, s, ok.error().message);
  } else if (s.kind == "fault") {
    // One rule or a list of them, checked whole here (hosts are checked when it runs).
    nlohmann::json rules = b.is_array() ? b : nlohmann::json::array({b});
    for (const auto& r : rules) {
      if (!r.is_object() || !(r.contains("service") || r.contains("host")))
        return bad_step(file, s,
                        "fault needs an AWS rule {\"service\", \"operation\", \"error\" | "
                        "\"latency\" | \"drop_connection\", \"count\"} or an SSH fault "
                        "{\"host\", \"refuse\" | \"disconnect_after_bytes\" | \"slow\"}");
    }
    mocks::faults::FaultPlan scratch(0);
    nlohmann::json aws_rules = nlohmann::json::array();
    for (const auto& r : rules)
      if (r.contains("service")) aws_rules.push_back(r);
    if (Status ok = scratch.add_json(aws_rules); !ok.ok())
      return bad_step(file, s, ok.error().message);
  }
  return {};
}

// "register, register_fleet, call, …" for messages.
const std::string kStepKindList = [] {
  std::string out;
  for (const char* k : kStepKinds) out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}();

Result<Step> parse_step(const std::string& file, const nlohmann::json& j, size_t index) {
  Step s;
  s.index = index;
  if (!j.is_object())
    return bad(file, "step " + std::to_string(index) + ": a step is an object, not " + type_of(j));
  for (auto& [k, v] : j.items()) {
    bool kind = std::find(std::begin(kStepKinds), std::end(kStepKinds), k) != std::end(kStepKinds);
    if (kind) {
      if (!s.kind.empty())
        return bad(file, "step " + std::to_string(index) + ": both '" + s.kind + "' and '" + k +
                             "' (one kind per step)");
      s.kind = k;
      s.body = v;
    } else if ((k == "as" || k == "save_as") && v.is_string()) {
      (k == "as" ? s.as : s.save_as) = v.get<std::string>();
    } else if (k != "comment") {
      return bad(file, "step " + std::to_string(index) + ": unknown key '" + k +
                           "' (a step is one of " + kStepKindList + ")");
    }
  }
  if (s.kind.empty())
    return bad(file, "step " + std::to_string(index) + ": no kind (one of " + kStepKindList + ")");
  if (s.kind == "call" && s.body.is_object() && s.body.contains("as") && s.body["as"].is_string())
    s.as = s.body["as"].get<std::string>();
  if (s.as.empty()) s.as = "operator";
  if (s.save_as.empty() && (s.kind == "register" || s.kind == "call" || s.kind == "exec"))
    s.save_as = s.kind;
  if (s.save_as.empty() && s.kind == "register_fleet") s.save_as = "fleet";
  // exec runs in the scenario file's folder unless "cwd" says otherwise (relative: from there);
  // on a host ("on_host") the cwd is the host's and stays as written.
  if (s.kind == "exec" && s.body.is_object() && !s.body.contains("on_host")) {
    fs::path folder = fs::absolute(fs::path(file).parent_path());
    if (!s.body.contains("cwd"))
      s.body["cwd"] = folder.lexically_normal().string();
    else if (s.body["cwd"].is_string() && !s.body["cwd"].get<std::string>().starts_with("$"))
      s.body["cwd"] = (folder / s.body["cwd"].get<std::string>()).lexically_normal().string();
  }
  if ((s.kind == "register" || s.kind == "register_fleet") && s.body.is_object())
    for (const char* flag : {"ssh_private_key", "ssh_config"})
      if (s.body.contains(flag) && s.body[flag].is_string())
        s.body[flag] = world_path(file, s.body[flag].get<std::string>()).string();
  if (Status n = check_step_names(s); !n.ok()) return bad_step(file, s, n.error().message);
  if (Status c = check_step(file, s); !c.ok()) return c.error();
  return s;
}

}  // namespace

Result<Step> parse_scenario_step(const std::string& file, const nlohmann::json& step,
                                 size_t index) {
  return parse_step(file, step, index);
}

Result<std::vector<std::string>> register_argv(const nlohmann::json& flags) {
  std::vector<std::string> argv;
  std::optional<std::string> target;
  for (auto& [k, v] : flags.items()) {
    if (k == "target") {
      if (!v.is_string()) return aws::make_error("BadScenario", "target must be a string", 0);
      target = v.get<std::string>();
      continue;
    }
    std::string flag = "--" + k;
    std::replace(flag.begin(), flag.end(), '_', '-');
    if (v.is_boolean()) {
      if (v.get<bool>()) argv.push_back(flag);
    } else if (v.is_string()) {
      argv.push_back(flag);
      argv.push_back(v.get<std::string>());
    } else {
      return aws::make_error("BadScenario", "flag " + k + " must be a string or a boolean", 0);
    }
  }
  if (target) argv.push_back(*target);
  return argv;
}

void merge_world(nlohmann::json& world, const nlohmann::json& changes) {
  static const char* kIds[] = {"name",     "user_name", "role_name", "stack_id",
                               "layer_id", "volume_id", "device"};
  if (!changes.is_object() || !world.is_object()) {
    world = changes;
    return;
  }
  for (auto& [k, v] : changes.items()) {
    if (v.is_null()) {
      world.erase(k);
    } else if (v.is_object() && world.contains(k) && world[k].is_object()) {
      merge_world(world[k], v);
    } else if (v.is_array() && world.contains(k) && world[k].is_array()) {
      for (const auto& entry : v) {
        const char* id = nullptr;
        if (entry.is_object())
          for (const char* key : kIds)
            if (entry.contains(key)) {
              id = key;
              break;
            }
        auto& list = world[k];
        auto same =
            id ? std::find_if(list.begin(), list.end(),
                              [&](const nlohmann::json& e) {
                                return e.is_object() && e.contains(id) && e[id] == entry[id];
                              })
               : list.end();
        if (same != list.end())
          merge_world(*same, entry);
        else
          list.push_back(entry);
      }
    } else {
      world[k] = v;
    }
  }
}

Result<Scenario> parse_scenario(const nlohmann::json& j, const std::string& file) {
  if (!j.is_object()) return bad(file, "a scenario is a JSON object");
  static const std::set<std::string> kKeys = {"name", "proves", "world", "steps", "comment"};
  for (auto& [k, v] : j.items())
    if (!kKeys.count(k))
      return bad(file, "unknown key '" + k + "' (known: name, proves, world, steps)");
  Scenario s;
  s.file = file;
  if (!j.contains("name") || !j["name"].is_string() || j["name"].get<std::string>().empty())
    return bad(file, "\"name\" (a string) is required");
  s.name = j["name"];
  if (!j.contains("proves") || !j["proves"].is_string())
    return bad(file, "\"proves\" (one sentence, and the doc that says so) is required");
  s.proves = j["proves"];
  nlohmann::json world_spec = j.value("world", nlohmann::json::object());
  if (!world_spec.is_object()) return bad(file, "\"world\" must be an object (file, changes)");
  for (auto& [k, v] : world_spec.items())
    if (k != "file" && k != "changes")
      return bad(file, "world: unknown key '" + k + "' (known: file, changes)");
  std::string world_file = world_spec.value("file", "fixtures/worlds/default.json");
  auto world = read_json(world_path(file, world_file));
  if (!world.ok()) return bad(file, "world: " + world.error().message);
  s.world = std::move(*world);
  // Scenarios draw the agent's RSA keys from a pool unless they say otherwise (speed).
  s.world["settings"]["agent_key_pool"] = 8;
  if (world_spec.contains("changes")) {
    if (!world_spec["changes"].is_object())
      return bad(file, "world.changes must be an object merged into the world file");
    merge_world(s.world, world_spec["changes"]);
  }
  if (!j.contains("steps") || !j["steps"].is_array() || j["steps"].empty())
    return bad(file, "\"steps\" (a non-empty array) is required");
  for (size_t i = 0; i < j["steps"].size(); ++i) {
    auto step = parse_step(file, j["steps"][i], i + 1);
    if (!step.ok()) return step.error();
    s.steps.push_back(std::move(*step));
  }
  return s;
}

Result<Scenario> load_scenario(const fs::path& file) {
  auto j = read_json(file);
  if (!j.ok()) return j.error();
  return parse_scenario(*j, file.string());
}

Result<std::vector<fs::path>> scenario_files(const std::vector<std::string>& paths) {
  std::vector<fs::path> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      // Symlinks to folders are not followed (no loops); a dangling or looping link is skipped.
      std::vector<fs::path> found;
      fs::recursive_directory_iterator it(p, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        std::error_code kind;
        if (it->is_regular_file(kind) && it->path().extension() == ".json")
          found.push_back(it->path());
      }
      if (ec) return aws::make_error("BadScenario", p + ": cannot list: " + ec.message(), 0);
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(p, ec)) {
      out.push_back(p);
    } else {
      return aws::make_error("BadScenario", p + ": no such file or folder", 0);
    }
  }
  return out;
}

}  // namespace opsreg::scenarios
