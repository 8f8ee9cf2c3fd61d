// `opsreg expect --endpoint URL EXPECTATION…`: a scenario's expect objects (instance, iam_user,
// file, requests) checked against a running `opsreg serve`, with the scenario engine's own
// checker (scenarios/engine/expect.cc); exit 0 all hold, 1 any does not, 2 usage error.
// Its help: cli/help_texts_serve.cc.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/help.h"
#include "cli/options.h"
#include "core/config/env.h"
#include "core/util/json_bounded.h"
#include "core/util/json_file.h"
#include "scenarios/engine/scenario.h"
#include "scenarios/engine/serve_world.h"
#include "scenarios/engine/steps.h"

namespace opsreg::cli {

namespace {

constexpr char kWho[] = "opsreg expect";

int usage(const std::string& why) { return usage_error(expect_help(), why); }

// The keys that check a scenario's previous action or saved results.
constexpr const char* kNotApplicable[] = {
    "exit", "error_code", "message", "stdout_contains", "stderr_contains", "result"};

// Appends `j` (an object or an array of objects) to `out`; false when it is neither.
bool add_expectations(const nlohmann::json& j, std::vector<nlohmann::json>* out) {
  if (j.is_object()) {
    out->push_back(j);
    return true;
  }
  if (!j.is_array() || j.empty()) return false;
  for (const auto& e : j)
    if (!e.is_object()) return false;
  out->insert(out->end(), j.begin(), j.end());
  return true;
}

// Checks an expectation's shape as the scenario loader does; the loader's "step N (expect): "
// becomes "expectation N: ".
Status check_shape(const nlohmann::json& e, size_t n) {
  const std::string where = "expectation " + std::to_string(n) + ": ";
  for (const char* key : kNotApplicable)
    if (e.contains(key))
      return aws::make_error("BadExpectation",
                             where + "'" + key +
                                 "' is not applicable: it checks a scenario's previous action "
                                 "or saved results, and a running serve has neither",
                             0);
  auto step = scenarios::parse_scenario_step(kWho, {{"expect", e}}, n);
  if (!step.ok()) {
    std::string message = step.error().message;
    const std::string prefix = std::string(kWho) + ": step " + std::to_string(n) + " (expect): ";
    if (message.starts_with(prefix)) message = message.substr(prefix.size());
    return aws::make_error("BadExpectation", where + message, 0);
  }
  if (auto resolved = scenarios::resolve(e, scenarios::SavedResults{}); !resolved.ok())
    return aws::make_error("BadExpectation", where + resolved.error().message, 0);
  return {};
}

}  // namespace

int expect_main(const Args& args) {
  scenarios::ServeOptions options;
  options.env = config::process_env();
  if (auto endpoint = config::non_empty(options.env, "AWS_ENDPOINT_URL"))
    options.endpoint = *endpoint;
  auto parsed = parse_options(args, expect_help().options);
  if (!parsed.ok()) return usage(parsed.error().message);
  if (parsed->help) return print_help(expect_help());
  if (std::string empty = empty_value(*parsed, expect_help().options); !empty.empty())
    return usage(empty);
  if (auto endpoint = parsed->value("--endpoint")) options.endpoint = *endpoint;
  if (auto region = parsed->value("--region")) options.region = *region;
  const std::string file = parsed->value("--file").value_or("");
  std::vector<nlohmann::json> expectations;
  if (!file.empty()) {
    nlohmann::json j;
    if (file == "-") {
      std::string text((std::istreambuf_iterator<char>(std::cin)),
                       std::istreambuf_iterator<char>());
      j = parse_json_bounded(text);
      if (j.is_discarded()) return usage("standard input: not valid JSON");
    } else {
      auto read = read_json_file(file);
      if (!read.ok()) return usage(read.error().message);
      j = std::move(*read);
    }
    if (!add_expectations(j, &expectations))
      return usage(file + ": an expectation is a JSON object (or an array of them)");
  }
  for (const std::string& text : parsed->positional) {
    auto j = parse_json_bounded(text);
    if (j.is_discarded() || !add_expectations(j, &expectations))
      return usage("'" + text + "' is not a JSON object (or an array of them)");
  }
  if (expectations.empty()) return usage("no expectation given");
  for (size_t n = 1; n <= expectations.size(); ++n)
    if (Status s = check_shape(expectations[n - 1], n); !s.ok()) return usage(s.error().message);
  if (options.endpoint.empty()) return usage("--endpoint (or AWS_ENDPOINT_URL) is required");

  auto world = scenarios::ServeWorld::connect(options);
  if (!world.ok()) {
    std::fprintf(stderr, "%s: %s\n", kWho, world.error().message.c_str());
    return kExitFailed;
  }
  int failed = 0;
  for (size_t n = 1; n <= expectations.size(); ++n) {
    std::vector<std::string> problems =
        scenarios::check_expectation(**world, expectations[n - 1], scenarios::StepOutcome{});
    if (problems.empty()) continue;
    ++failed;
    std::string all;
    for (const auto& p : problems) all += (all.empty() ? "" : "; ") + p;
    std::fprintf(stderr, "%s: expectation %zu: %s\n", kWho, n, all.c_str());
  }
  if (failed) return kExitFailed;
  std::printf("%zu expectation%s hold%s\n", expectations.size(),
              expectations.size() == 1 ? "" : "s", expectations.size() == 1 ? "s" : "");
  return kExitOk;
}

}  // namespace opsreg::cli
