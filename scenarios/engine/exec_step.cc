// The exec step: its process (locally or on a world host over ssh), the world's clock on real
// time and the agents on their timer while it runs, its outcome and saved stdout.
#include "scenarios/engine/exec_step.h"

#include <set>

#include "core/clock/time_format.h"
#include "core/ssh/shell_quote.h"
#include "core/util/json_bounded.h"
#include "core/util/json_text.h"
#include "scenarios/engine/exec_env.h"
#include "scenarios/engine/exec_process.h"

namespace opsreg::scenarios {

namespace {

const char* kDefaultTimeout = "60s";

aws::Error step_error(const Step& s, const std::string& what) {
  return aws::make_error("ScenarioStepFailed",
                         "step " + std::to_string(s.index) + " (exec): " + what, 0);
}

aws::Error bad(const std::string& what) { return aws::make_error("BadScenario", what, 0); }

std::string tail(const std::string& text, size_t n = 400) {
  return text.size() <= n ? text : "…" + text.substr(text.size() - n);
}

// While it lives the world's clock follows real time and the agents contact on their timer;
// then the clock stops again and the agents make the contact the last tick called for.
class RealTimeWhileRunning {
 public:
  explicit RealTimeWhileRunning(ScenarioWorld& w) : w_(w) {
    w_.world().follow_real_time(true);
    w_.agents().start_timer();
  }
  ~RealTimeWhileRunning() {
    w_.agents().stop_timer();
    w_.world().follow_real_time(false);
    w_.agents().run_due();
  }

 private:
  ScenarioWorld& w_;
};

// The command line a world host runs for the step: cd, the step's variables, the command.
std::string remote_command(const nlohmann::json& body) {
  std::string line;
  if (body.contains("cwd"))
    line += "cd " + ssh::shell_quote(body["cwd"].get<std::string>()) + " && ";
  if (body.contains("env") && !body["env"].empty()) {
    line += "env";
    for (auto& [k, v] : body["env"].items())
      line += v.is_null() ? " -u " + ssh::shell_quote(k)
                          : " " + ssh::shell_quote(k + "=" + v.get<std::string>());
    line += " ";
  }
  if (body.contains("argv"))
    return line + ssh::shell_join(body["argv"].get<std::vector<std::string>>());
  return line + ssh::sh_c_command(body["shell"].get<std::string>());
}

}  // namespace

bool has_exec(const Scenario& scenario) {
  for (const Step& s : scenario.steps)
    if (s.kind == "exec") return true;
  return false;
}

nlohmann::json world_on_real_time(nlohmann::json world) {
  world["clock"] = format_iso8601(std::chrono::system_clock::now());
  return world;
}

Status check_exec(const nlohmann::json& b) {
  static const std::set<std::string> kKeys = {"argv",  "shell",   "cwd",     "env",
                                              "stdin", "timeout", "on_host", "comment"};
  if (!b.is_object()) return bad("exec needs an object with \"argv\" or \"shell\"");
  for (auto& [k, v] : b.items())
    if (!kKeys.count(k))
      return bad("unknown exec key '" + k +
                 "' (known: argv, shell, cwd, env, stdin, timeout, on_host)");
  if (b.contains("argv") == b.contains("shell"))
    return bad("exec needs one of \"argv\" (a list of words) or \"shell\" (a command line)");
  if (b.contains("argv")) {
    const auto& argv = b["argv"];
    if (!argv.is_array() || argv.empty()) return bad("argv must be a non-empty list of strings");
    for (const auto& word : argv)
      if (!word.is_string()) return bad("argv must be a list of strings, not " + word.dump());
  }
  if (b.contains("shell") && !b["shell"].is_string()) return bad("shell must be a string");
  for (const char* key : {"cwd", "on_host"})
    if (b.contains(key) && !b[key].is_string()) return bad(std::string(key) + " must be a string");
  if (b.contains("env")) {
    if (!b["env"].is_object()) return bad("env must be an object of NAME: \"value\" (or null)");
    for (auto& [k, v] : b["env"].items())
      if (!(v.is_string() || v.is_null()) || k.empty() || k.find('=') != std::string::npos)
        return bad("env " + k + " must be a string (or null to remove it)");
  }
  if (b.contains("timeout")) {
    const auto& t = b["timeout"];
    if (!t.is_string() || !parse_duration(t.get<std::string>()) ||
        parse_duration(t.get<std::string>())->count() <= 0)
      return bad("timeout needs a duration such as \"60s\" or \"5m\", got " + t.dump());
  }
  return {};
}

Status run_exec(ScenarioWorld& w, const Step& s, StepOutcome* last) {
  auto body = resolve(s.body, w);
  if (!body.ok()) return step_error(s, body.error().message);
  // A reference to a number or a list (a port, "$exec.Count") is its text in a word.
  for (const char* key : {"argv", "env"})
    if (body->contains(key))
      for (auto& v : (*body)[key])
        if (!v.is_string() && !v.is_null()) v = as_text(v);
  if (body->contains("shell")) (*body)["shell"] = as_text((*body)["shell"]);
  if (Status ok = check_exec(*body); !ok.ok()) return step_error(s, ok.error().message);
  auto creds = w.identity(s.as);
  if (!creds.ok()) return step_error(s, creds.error().message);
  const std::string on_host = body->value("on_host", "");
  auto env = exec_environment(
      w, *creds, on_host.empty() ? body->value("env", nlohmann::json()) : nlohmann::json());
  if (!env.ok()) return step_error(s, env.error().message);

  ProcessSpec spec;
  spec.env = *env;
  spec.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(
      *parse_duration(body->value("timeout", kDefaultTimeout)));
  if (body->contains("stdin"))
    spec.stdin_data = (*body)["stdin"].is_string() ? (*body)["stdin"].get<std::string>()
                                                   : (*body)["stdin"].dump();
  if (!on_host.empty()) {
    // Inside the host: OpenSSH with the world's config logs in as the host's user.
    if (auto root = w.host_root(on_host); !root.ok()) return step_error(s, root.error().message);
    spec.argv = {real_ssh(),
                 "-F",
                 w.fleet().ssh_config_path().string(),
                 "-T",
                 "-o",
                 "BatchMode=yes",
                 on_host,
                 remote_command(*body)};
    spec.cwd = w.fleet().dir().string();
  } else {
    spec.argv = body->contains("argv")
                    ? (*body)["argv"].get<std::vector<std::string>>()
                    : std::vector<std::string>{"/bin/sh", "-c", (*body)["shell"]};
    spec.cwd = body->value("cwd", w.fleet().dir().string());
  }

  Result<ProcessResult> ran = [&] {
    RealTimeWhileRunning real_time(w);
    return run_process(spec);
  }();
  if (!ran.ok()) return step_error(s, ran.error().message);
  const ProcessResult& r = *ran;
  std::string ended = r.describe(spec.timeout);
  if (r.timed_out) return step_error(s, ended + (r.err.empty() ? "" : "; stderr: " + tail(r.err)));

  last->exit = r.exit;
  last->stdout_text = r.out;
  last->stderr_text = r.err;
  last->message = ended + "\n" + r.out + r.err;
  if (r.out_truncated)
    last->message += "\n(stdout cut at " + std::to_string(spec.output_limit) + " bytes)";
  if (r.err_truncated)
    last->message += "\n(stderr cut at " + std::to_string(spec.output_limit) + " bytes)";
  auto parsed = parse_json_bounded(r.out);
  if (!parsed.is_discarded() && !r.out.empty()) {
    w.saved[s.save_as] = parsed;
  } else {
    std::string text = r.out;
    while (!text.empty() && text.back() == '\n') text.pop_back();
    w.saved[s.save_as] = text;
  }
  return {};
}

}  // namespace opsreg::scenarios
