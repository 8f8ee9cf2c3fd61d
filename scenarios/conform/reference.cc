// The live and the documented references.
#include "scenarios/conform/reference.h"

#include "scenarios/engine/steps.h"
#include "scenarios/engine/wire_call.h"

namespace opsreg::scenarios::conform {

namespace {

// The call's signer on one side: "$NAME" (a saved CreateAccessKey result) or the literal
// key, its "$NAME.Member" references resolved against that side's results.
Result<Caller> caller_of(const ConformCall& call, const SavedResults& saved) {
  Caller caller;
  caller.clock_skew = call.clock_skew;
  if (call.as.is_null()) return caller;
  nlohmann::json key = call.as;
  if (call.as.is_string())
    key = {{"access_key_id", call.as.get<std::string>() + ".AccessKeyId"},
           {"secret_access_key", call.as.get<std::string>() + ".SecretAccessKey"}};
  auto resolved = resolve(key, saved);
  if (!resolved.ok()) return resolved.error();
  if (!(*resolved)["access_key_id"].is_string() || !(*resolved)["secret_access_key"].is_string())
    return aws::make_error("UnresolvedReference", "as: no access key in " + call.as.dump(), 0);
  caller.credentials = aws::Credentials{(*resolved)["access_key_id"].get<std::string>(),
                                        (*resolved)["secret_access_key"].get<std::string>(), ""};
  return caller;
}

}  // namespace

Outcome make_call(Side& side, const ConformCall& call, SavedResults& saved,
                  const std::string& run) {
  Outcome out;
  saved["run"] = run;
  auto resolved = resolve(call.params, saved);
  if (!resolved.ok()) {
    out.error = resolved.error();
    return out;
  }
  auto caller = caller_of(call, saved);
  if (!caller.ok()) {
    out.error = caller.error();
    return out;
  }
  auto client = side.client(call.service, *caller);
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

Status LiveReference::begin_case(const ConformCase& c) {
  saved_.clear();
  if (observer_) observer_->begin_case(c);
  return {};
}

std::optional<Verdict> LiveReference::check(const ConformCall& call, const Outcome& fakes,
                                            const std::string& run) {
  Outcome target = make_call(target_, call, saved_, run);
  if (observer_) observer_->answered(call, target, run);
  return Verdict{target.summary(), differences(call, fakes, target, run)};
}

std::optional<Verdict> DocumentedReference::check(const ConformCall& call, const Outcome& fakes,
                                                  const std::string& run) {
  if (!call.documented) return std::nullopt;
  const Documented& d = *call.documented;
  Outcome aws;
  aws.ok = d.ok;
  aws.error = aws::make_error(d.code, d.message, d.status);
  // The documentation gives the outcome (and a message), not the members of an answer.
  ConformCall outcome_only = call;
  outcome_only.same.clear();
  outcome_only.present.clear();
  outcome_only.same_message = !d.message.empty();
  return Verdict{aws.summary(), differences(outcome_only, fakes, aws, run, label())};
}

}  // namespace opsreg::scenarios::conform
