// Conformance case files: name, proves, steps and cleanup, each a call with what to compare.
#include "scenarios/conform/conform_case.h"

#include <set>

#include "core/clock/time_format.h"
#include "core/config/endpoints.h"
#include "core/util/json_file.h"
#include "scenarios/engine/s3_call.h"

namespace opsreg::scenarios::conform {

namespace {

aws::Error bad(const std::string& file, const std::string& what) {
  return aws::make_error("BadConformanceCase", file + ": " + what, 0);
}

Result<std::vector<std::string>> names(const nlohmann::json& j, const std::string& key) {
  std::vector<std::string> out;
  if (!j.contains(key)) return out;
  if (!j[key].is_array()) return aws::make_error("BadConformanceCase", key + " must be a list", 0);
  for (const auto& v : j[key]) {
    if (!v.is_string() || v.get<std::string>().empty())
      return aws::make_error("BadConformanceCase", key + " must list member names", 0);
    out.push_back(v.get<std::string>());
  }
  return out;
}

// {"ok": true, "reference": URL} or {"error": CODE, "status": N, "message"?: TEXT,
// "reference": URL}.
Result<Documented> parse_documented(const nlohmann::json& j) {
  auto fail = [](const std::string& what) {
    return aws::make_error("BadConformanceCase", "documented: " + what, 0);
  };
  if (!j.is_object()) return fail("must be an object");
  for (const auto& [k, v] : j.items())
    if (k != "ok" && k != "error" && k != "status" && k != "message" && k != "reference")
      return fail("unknown key '" + k + "' (ok, or error and status; message; reference)");
  Documented d;
  if (!j.contains("reference") || !j["reference"].is_string() ||
      !j["reference"].get<std::string>().starts_with("https://docs.aws.amazon.com/"))
    return fail("\"reference\" must be the https://docs.aws.amazon.com/ page that says so");
  d.reference = j["reference"];
  if (j.contains("ok")) {
    if (j["ok"] != true || j.contains("error") || j.contains("status") || j.contains("message"))
      return fail("give either \"ok\": true or an error with its status");
    d.ok = true;
    return d;
  }
  if (!j.contains("error") || !j["error"].is_string() || j["error"].get<std::string>().empty())
    return fail("\"error\" (the error code) is required unless \"ok\": true");
  if (!j.contains("status") || !j["status"].is_number_integer() || j["status"] < 100 ||
      j["status"] > 599)
    return fail("\"status\" must be the documented HTTP status");
  d.code = j["error"];
  d.status = j["status"];
  if (j.contains("message")) {
    if (!j["message"].is_string()) return fail("\"message\" must be a string");
    d.message = j["message"];
  }
  return d;
}

Result<ConformCall> parse_call(const nlohmann::json& j, bool compared) {
  auto fail = [](const std::string& what) {
    return aws::make_error("BadConformanceCase", what, 0);
  };
  if (!j.is_object() || !j.contains("call") || !j["call"].is_object())
    return fail("each entry is {\"call\": {\"service\", \"operation\", \"params\"}, ...}");
  static const std::set<std::string> kKeys = {"call",         "save_as", "same",       "present",
                                              "same_message", "comment", "documented", "as"};
  for (const auto& [k, v] : j.items())
    if (!kKeys.count(k) ||
        (!compared && (k == "same" || k == "present" || k == "same_message" || k == "documented")))
      return fail("unknown key '" + k + "'");
  const nlohmann::json& c = j["call"];
  ConformCall call;
  config::Service known;
  if (!c.contains("service") || !c["service"].is_string() ||
      !config::service_from_id(c["service"].get<std::string>(), &known))
    return fail("service must be one of iam, sts, ec2, opsworks, s3");
  if (!c.contains("operation") || !c["operation"].is_string())
    return fail("operation must be a string");
  for (const auto& [k, v] : c.items())
    if (k != "service" && k != "operation" && k != "params" && k != "clock_skew")
      return fail("unknown call member '" + k + "'");
  call.service = c["service"];
  call.operation = c["operation"];
  if (c.contains("params")) {
    if (!c["params"].is_object()) return fail("params must be an object");
    call.params = c["params"];
  }
  if (call.service == "s3")
    if (Status s = check_s3_call(call.operation, call.params); !s.ok()) return s.error();
  if (c.contains("clock_skew")) {
    const std::string text = c["clock_skew"].is_string() ? c["clock_skew"].get<std::string>() : "";
    const bool behind = text.starts_with("-");
    auto d = parse_duration(behind ? text.substr(1) : text);
    if (!d) return fail("clock_skew needs a duration such as \"16m\" or \"-16m\"");
    call.clock_skew = behind ? -*d : *d;
  }
  if (j.contains("as")) {
    const nlohmann::json& as = j["as"];
    const bool saved_key = as.is_string() && as.get<std::string>().size() > 1 &&
                           as.get<std::string>().starts_with("$");
    const bool literal = as.is_object() && as.size() == 2 && as.contains("access_key_id") &&
                         as.contains("secret_access_key") && as["access_key_id"].is_string() &&
                         as["secret_access_key"].is_string();
    if (!saved_key && !literal)
      return fail(
          "as must be \"$NAME\" (a saved CreateAccessKey result) or "
          "{\"access_key_id\", \"secret_access_key\"}");
    call.as = as;
  }
  if (j.contains("save_as")) {
    if (!j["save_as"].is_string() || j["save_as"] == "run")
      return fail("save_as must be a name other than run (\"${run}\" is the run's prefix)");
    call.save_as = j["save_as"];
  }
  auto same = names(j, "same");
  if (!same.ok()) return same.error();
  auto present = names(j, "present");
  if (!present.ok()) return present.error();
  call.same = *same;
  call.present = *present;
  if (j.contains("same_message")) {
    if (!j["same_message"].is_boolean()) return fail("same_message must be true or false");
    call.same_message = j["same_message"];
  }
  if (j.contains("documented")) {
    auto documented = parse_documented(j["documented"]);
    if (!documented.ok()) return documented.error();
    call.documented = std::move(*documented);
  }
  return call;
}

}  // namespace

Result<ConformCase> parse_conform_case(const nlohmann::json& j, const std::string& file) {
  if (!j.is_object()) return bad(file, "a case is a JSON object");
  for (const auto& [k, v] : j.items())
    if (k != "name" && k != "proves" && k != "steps" && k != "cleanup" && k != "comment" &&
        k != "opsreg_only")
      return bad(file,
                 "unknown key '" + k + "' (a case has name, proves, steps, cleanup, opsreg_only)");
  ConformCase c;
  c.file = file;
  if (!j.contains("name") || !j["name"].is_string()) return bad(file, "\"name\" is required");
  if (!j.contains("proves") || !j["proves"].is_string())
    return bad(file, "\"proves\" is required: one sentence, with the AWS reference");
  c.name = j["name"];
  c.proves = j["proves"];
  if (j.contains("opsreg_only")) {
    if (!j["opsreg_only"].is_boolean()) return bad(file, "\"opsreg_only\" must be true or false");
    c.opsreg_only = j["opsreg_only"];
  }
  if (!j.contains("steps") || !j["steps"].is_array() || j["steps"].empty())
    return bad(file, "\"steps\" must be a non-empty list");
  for (const char* list : {"steps", "cleanup"}) {
    if (!j.contains(list)) continue;
    if (!j[list].is_array()) return bad(file, std::string("\"") + list + "\" must be a list");
    for (size_t i = 0; i < j[list].size(); ++i) {
      auto call = parse_call(j[list][i], std::string(list) == "steps");
      if (!call.ok())
        return bad(file,
                   std::string(list) + "[" + std::to_string(i + 1) + "]: " + call.error().message);
      call->index = i + 1;
      (std::string(list) == "steps" ? c.steps : c.cleanup).push_back(std::move(*call));
    }
  }
  return c;
}

Result<ConformCase> load_conform_case(const std::filesystem::path& file) {
  auto j = read_json_file(file);
  if (!j.ok()) return aws::make_error("BadConformanceCase", j.error().message, 0);
  return parse_conform_case(*j, file.string());
}

}  // namespace opsreg::scenarios::conform
