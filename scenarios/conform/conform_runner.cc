// The conformance run: both sides per call, compare, clean up.
#include "scenarios/conform/conform_runner.h"

#include <cstdio>
#include <random>

#include "core/http/transport.h"
#include "scenarios/conform/compare.h"
#include "scenarios/engine/steps.h"
#include "scenarios/engine/wire_call.h"

namespace opsreg::scenarios::conform {

namespace {

// One call on one side, references resolved against that side's saved results.
Outcome call_side(Side& side, const ConformCall& call, SavedResults& saved,
                  const std::string& run) {
  Outcome out;
  saved["run"] = run;
  nlohmann::json params = call.params;
  // "${run}" in any string: the run's name prefix.
  auto resolved = resolve(params, saved);
  if (!resolved.ok()) {
    out.error = resolved.error();
    return out;
  }
  auto client = side.client(call.service);
  if (!client.ok()) {
    out.error = client.error();
    return out;
  }
  auto r = wire_call(*client, call.service, call.operation, *resolved);
  if (!r.ok()) {
    out.error = r.error();
    return out;
  }
  out.ok = true;
  out.result = *r;
  if (!call.save_as.empty()) saved[call.save_as] = *r;
  return out;
}

}  // namespace

size_t CaseResult::differing() const {
  size_t n = error.empty() ? 0 : 1;
  for (const CallResult& c : calls) n += c.differences.empty() ? 0 : 1;
  return n;
}

std::string new_run_name() {
  std::random_device rd;
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(rd()));
  return std::string("opsreg-conform-") + hex;
}

CaseResult run_case(const ConformCase& c, Side& target, const ConformOptions& options,
                    const std::string& run) {
  CaseResult r;
  r.file = c.file;
  r.name = c.name;
  r.proves = c.proves;
  auto fakes = FakesSide::start(options.world);
  if (!fakes.ok()) {
    r.error = "the fakes did not start: " + fakes.error().message;
    return r;
  }
  SavedResults fakes_saved, target_saved;
  for (const ConformCall& call : c.steps) {
    Outcome a = call_side(**fakes, call, fakes_saved, run);
    Outcome b = call_side(target, call, target_saved, run);
    CallResult cr;
    cr.index = call.index;
    cr.call = call.service + " " + call.operation;
    cr.fakes = a.summary();
    cr.target = b.summary();
    cr.differences = differences(call, a, b, run);
    r.calls.push_back(std::move(cr));
  }
  for (const ConformCall& call : c.cleanup) {
    for (auto [side, saved, name] :
         {std::tuple<Side*, SavedResults*, const char*>{fakes->get(), &fakes_saved, "fakes"},
          {&target, &target_saved, "target"}}) {
      Outcome o = call_side(*side, call, *saved, run);
      if (!o.ok)
        r.cleanup_notes.push_back(std::string(name) + ": cleanup[" + std::to_string(call.index) +
                                  "] " + call.service + " " + call.operation + ": " + o.error.code +
                                  ": " + normalize(o.error.message, run));
    }
  }
  return r;
}

Result<std::vector<CaseResult>> run_cases(const std::vector<std::filesystem::path>& files,
                                          const ConformOptions& options) {
  std::vector<ConformCase> cases;
  for (const auto& f : files) {
    auto c = load_conform_case(f);
    if (!c.ok()) return c.error();
    cases.push_back(std::move(*c));
  }
  auto target = options.open_target();
  if (!target.ok()) return target.error();
  // A target that cannot be reached stops the run at once, rather than failing every call.
  if (auto client = (*target)->client("sts"); client.ok()) {
    auto who = wire_call(*client, "sts", "GetCallerIdentity", nlohmann::json::object());
    const std::string code = who.ok() ? "" : who.error().code;
    if (code == http::kEndpointConnectionError || code == http::kConnectTimeoutError ||
        code == http::kSslError)
      return aws::make_error("TargetUnreachable",
                             "the target cannot be reached: " + code + ": " + who.error().message,
                             0);
  }
  std::string run = options.run.empty() ? new_run_name() : options.run;
  std::vector<CaseResult> results;
  for (const ConformCase& c : cases) results.push_back(run_case(c, **target, options, run));
  return results;
}

}  // namespace opsreg::scenarios::conform
