// The conformance run: both sides per call, compare, clean up.
#include "scenarios/conform/conform_runner.h"

#include <cstdio>
#include <random>

#include "core/http/transport.h"
#include "scenarios/conform/compare.h"
#include "scenarios/engine/wire_call.h"

namespace opsreg::scenarios::conform {

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

CaseResult run_case(const ConformCase& c, Reference& reference, const ConformOptions& options,
                    const std::string& run) {
  CaseResult r;
  r.file = c.file;
  r.name = c.name;
  r.proves = c.proves;
  r.reference = std::string(reference.label());
  auto fakes = FakesSide::start(options.world);
  if (!fakes.ok()) {
    r.error = "the fakes did not start: " + fakes.error().message;
    return r;
  }
  if (Status s = reference.begin_case(c); !s.ok()) {
    r.error = s.error().message;
    return r;
  }
  SavedResults fakes_saved;
  for (const ConformCall& call : c.steps) {
    Outcome ours = make_call(**fakes, call, fakes_saved, run);
    std::optional<Verdict> verdict = reference.check(call, ours, run);
    CallResult cr;
    cr.index = call.index;
    cr.call = call.service + " " + call.operation;
    cr.fakes = ours.summary();
    cr.compared = verdict.has_value();
    cr.target = verdict ? verdict->summary : "-";
    if (verdict) cr.differences = std::move(verdict->differences);
    r.calls.push_back(std::move(cr));
  }
  for (const ConformCall& call : c.cleanup) {
    std::vector<std::tuple<Side*, SavedResults*, const char*>> sides = {
        {fakes->get(), &fakes_saved, "fakes"}};
    if (reference.live()) sides.emplace_back(reference.live(), reference.live_saved(), "target");
    for (auto [side, saved, name] : sides) {
      Outcome o = make_call(*side, call, *saved, run);
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
  std::string run = options.run.empty() ? new_run_name() : options.run;
  std::vector<CaseResult> results;
  if (!options.open_target) {
    if (!options.reference)
      return aws::make_error("BadConformanceCase", "nothing to compare the fakes with", 0);
    for (const ConformCase& c : cases)
      results.push_back(run_case(c, *options.reference, options, run));
    return results;
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
  LiveReference live(**target, options.observer);
  for (const ConformCase& c : cases) results.push_back(run_case(c, live, options, run));
  return results;
}

}  // namespace opsreg::scenarios::conform
