// The expect step: the previous action's exit status, error code and message, and what the
// world holds (instances, IAM users, host files, requests seen), each read through the wire of
// an ExpectWorld: a scenario's own world, or a running `opsreg serve` (`opsreg expect`).
#include <strings.h>

#include <algorithm>
#include <pugixml.hpp>

#include "core/util/json_text.h"
#include "scenarios/engine/steps.h"

namespace opsreg::scenarios {

namespace {

std::string shorten(const std::string& s, size_t n = 600) {
  return s.size() <= n ? s : s.substr(0, n) + "…";
}

struct Checker {
  ExpectWorld& w;
  const StepOutcome& last;
  std::vector<std::string> problems;

  void differ(const std::string& what) { problems.push_back(what); }

  Result<nlohmann::json> opsworks(const std::string& op, const nlohmann::json& body) {
    auto c = w.operator_client("opsworks");
    if (!c.ok()) return c.error();
    return c->call_json("OpsWorks_20130218." + op, body);
  }

  void previous(const nlohmann::json& e) {
    std::string of = last.any ? "step " + std::to_string(last.step) + " (" + last.kind + ")"
                              : "no earlier action";
    if (e.contains("exit") && e["exit"].get<int>() != last.exit)
      differ("expected " + of + " to exit " + as_text(e["exit"]) + ", got " +
             std::to_string(last.exit) +
             (last.exit ? " (" + shorten(last.message, 300) + ")" : ""));
    if (e.contains("error_code") && e["error_code"].get<std::string>() != last.error_code)
      differ("expected " + of + " error code " + as_text(e["error_code"]) + ", got " +
             (last.error_code.empty() ? "none (it succeeded)" : last.error_code));
    if (e.contains("message") &&
        last.message.find(e["message"].get<std::string>()) == std::string::npos)
      differ("expected " + of + " message to contain \"" + as_text(e["message"]) + "\", got \"" +
             shorten(last.message) + "\"");
    for (auto [key, text] : {std::pair{"stdout_contains", &last.stdout_text},
                             std::pair{"stderr_contains", &last.stderr_text}})
      if (e.contains(key) && text->find(e[key].get<std::string>()) == std::string::npos)
        differ("expected " + of + " " + std::string(key).substr(0, 6) + " to contain \"" +
               as_text(e[key]) + "\", got \"" + shorten(*text) + "\"");
  }

  void instance(const nlohmann::json& e) {
    const std::string host = e["hostname"];
    auto stacks = opsworks("DescribeStacks", nlohmann::json::object());
    if (!stacks.ok()) return differ("DescribeStacks failed: " + stacks.error().message);
    std::optional<nlohmann::json> found;
    for (const auto& st : (*stacks)["Stacks"]) {
      auto in = opsworks("DescribeInstances", {{"StackId", st["StackId"]}});
      if (!in.ok()) return differ("DescribeInstances failed: " + in.error().message);
      for (const auto& i : (*in)["Instances"])
        if (strcasecmp(i.value("Hostname", "").c_str(), host.c_str()) == 0) found = i;
    }
    bool want_absent = e.value("absent", false);
    if (!found) {
      if (!want_absent) differ("expected instance " + host + " registered, got no such instance");
      return;
    }
    if (want_absent)
      return differ("expected no instance " + host + ", got " + found->value("InstanceId", "") +
                    " (status " + found->value("Status", "") + ")");
    for (const auto& [k, v] : e.items()) {
      if (k == "hostname" || k == "absent") continue;
      if (k == "status") {
        if (found->value("Status", "") != as_text(v))
          differ("expected instance " + host + " status " + as_text(v) + ", got " +
                 found->value("Status", "(none)"));
      } else if (k == "service_error") {
        auto errs = opsworks("DescribeServiceErrors", {{"InstanceId", (*found)["InstanceId"]}});
        if (!errs.ok()) return differ("DescribeServiceErrors failed: " + errs.error().message);
        std::string all;
        for (const auto& se : (*errs)["ServiceErrors"]) all += se.value("Message", "") + "\n";
        if (all.find(as_text(v)) == std::string::npos)
          differ("expected a service error of instance " + host + " containing \"" + as_text(v) +
                 "\", got " + (all.empty() ? "none" : "\"" + shorten(all) + "\""));
      } else if (!found->contains(k) || as_text((*found)[k]) != as_text(v)) {
        differ("expected instance " + host + " " + k + " " + as_text(v) + ", got " +
               (found->contains(k) ? as_text((*found)[k]) : "no " + k));
      }
    }
  }

  void iam_user(const nlohmann::json& e) {
    auto c = w.operator_client("iam");
    if (!c.ok()) return differ(c.error().message);
    bool present = e.value("present", true);
    std::string prefix = e.value("path_prefix", "/");
    auto r = c->call_query("ListUsers", "2010-05-08", {{"PathPrefix", prefix}});
    if (!r.ok()) return differ("ListUsers failed: " + r.error().message);
    pugi::xml_document doc;
    doc.load_string(r->body.c_str());
    std::vector<std::string> names;
    for (auto n : doc.select_nodes("//UserName")) names.push_back(n.node().child_value());
    std::string listed;
    for (const auto& n : names) listed += (listed.empty() ? "" : ", ") + n;
    if (e.contains("name")) {
      std::string name = as_text(e["name"]);
      bool has = std::find(names.begin(), names.end(), name) != names.end();
      if (has != present)
        differ("expected IAM user " + name + (present ? " present" : " absent") + ", got " +
               (has ? "present" : "absent") + " (users under " + prefix + ": " +
               (listed.empty() ? "none" : listed) + ")");
    } else if (names.empty() == present) {
      differ("expected " + std::string(present ? "IAM users" : "no IAM user") + " under " + prefix +
             ", got " + (listed.empty() ? "none" : listed));
    }
  }

  void file(const nlohmann::json& e) {
    std::string path = e["path"];
    auto content = w.host_file(e["host"], path);
    if (!content.ok())
      return differ(content.error().is("NoSuchHost") ? content.error().message
                                                     : "file " + content.error().message);
    bool want_absent = e.value("absent", false);
    if (!*content) {
      if (!want_absent)
        differ("expected file " + path + " on " + as_text(e["host"]) + ", got none");
      return;
    }
    if (want_absent) return differ("expected no file " + path + " on " + as_text(e["host"]));
    if (e.contains("contains") && (*content)->find(as_text(e["contains"])) == std::string::npos)
      differ("expected " + path + " on " + as_text(e["host"]) + " to contain \"" +
             as_text(e["contains"]) + "\", got \"" + shorten(**content) + "\"");
  }

  // {"NAME.Member": value}: a saved result's member (as "$NAME.Member" reads it).
  void results(const nlohmann::json& e) {
    for (const auto& [k, v] : e.items()) {
      auto got = resolve(nlohmann::json("$" + k), w.saved_results());
      if (!got.ok()) {
        differ("expected " + k + " " + as_text(v) + ", got " + got.error().message);
      } else if (as_text(*got) != as_text(v)) {
        differ("expected " + k + " " + as_text(v) + ", got " + as_text(*got));
      }
    }
  }

  void requests(const nlohmann::json& e) {
    // A caller is an identity name, an access key id, or a saved key ("$newkey").
    nlohmann::json who = e.value("caller", nlohmann::json(""));
    std::string caller = who.is_object() ? who.value("AccessKeyId", "") : as_text(who);
    auto seen = w.requests();
    if (!seen.ok()) return differ("the requests seen cannot be read: " + seen.error().message);
    int n = 0;
    for (const SeenRequest& r : *seen) {
      if (r.service != as_text(e["service"])) continue;
      if (e.contains("operation") && r.operation != as_text(e["operation"])) continue;
      if (e.contains("ok") && e["ok"].get<bool>() != r.ok()) continue;
      if (!caller.empty() && r.access_key_id != caller && r.identity != caller &&
          w.identity_of_key(r.access_key_id) != caller)
        continue;
      ++n;
    }
    std::string what =
        as_text(e["service"]) + (e.contains("operation") ? " " + as_text(e["operation"]) : "") +
        (caller.empty() ? "" : " by " + caller) +
        (e.contains("ok") ? (e["ok"].get<bool>() ? " answered 2xx" : " refused") : "");
    if (e.contains("count") && n != e["count"].get<int>())
      differ("expected " + as_text(e["count"]) + " request(s) " + what + ", got " +
             std::to_string(n));
    if (e.contains("min") && n < e["min"].get<int>())
      differ("expected at least " + as_text(e["min"]) + " request(s) " + what + ", got " +
             std::to_string(n));
  }
};

}  // namespace

std::vector<std::string> check_expectation(ExpectWorld& w, const nlohmann::json& e,
                                           const StepOutcome& last) {
  Checker c{w, last, {}};
  if (e.contains("exit") || e.contains("error_code") || e.contains("message") ||
      e.contains("stdout_contains") || e.contains("stderr_contains"))
    c.previous(e);
  if (e.contains("requests")) c.requests(e["requests"]);
  if (e.contains("instance")) c.instance(e["instance"]);
  if (e.contains("iam_user")) c.iam_user(e["iam_user"]);
  if (e.contains("file")) c.file(e["file"]);
  if (e.contains("result")) c.results(e["result"]);
  return c.problems;
}

Status check_expect(ScenarioWorld& w, const Step& s, const StepOutcome& last) {
  auto e = resolve(s.body, w);
  std::string where = "step " + std::to_string(s.index) + " (expect): ";
  if (!e.ok()) return aws::make_error("ExpectationFailed", where + e.error().message, 0);
  w.set_observing(false);
  std::vector<std::string> problems = check_expectation(w, *e, last);
  w.set_observing(true);
  if (problems.empty()) return {};
  std::string all;
  for (const auto& p : problems) all += (all.empty() ? "" : "; ") + p;
  return aws::make_error("ExpectationFailed", where + all, 0);
}

}  // namespace opsreg::scenarios
