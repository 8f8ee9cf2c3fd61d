// Parsing IAM policy documents: JSON syntax and shape first ("Syntax errors in policy."),
// then IAM's semantic checks (policy_checks.h).
#include "mocks/policy/policy.h"

#include <set>

#include "core/util/json_bounded.h"
#include "mocks/policy/conditions.h"
#include "mocks/policy/context.h"
#include "mocks/policy/policy_checks.h"

namespace opsreg::mocks::policy {

namespace {

using nlohmann::json;

const aws::Error& syntax_error() {
  static const aws::Error e = malformed("Syntax errors in policy.");
  return e;
}

// A string, or an array of strings.
bool read_strings(const json& j, std::vector<std::string>* out) {
  if (j.is_string()) {
    out->push_back(j.get<std::string>());
    return true;
  }
  if (!j.is_array()) return false;
  for (const json& e : j) {
    if (!e.is_string()) return false;
    out->push_back(e.get<std::string>());
  }
  return true;
}

// A condition value: string, number or boolean, as text.
bool read_scalar(const json& j, std::vector<std::string>* out) {
  if (j.is_string()) {
    out->push_back(j.get<std::string>());
  } else if (j.is_boolean()) {
    out->push_back(j.get<bool>() ? "true" : "false");
  } else if (j.is_number()) {
    out->push_back(j.dump());
  } else {
    return false;
  }
  return true;
}

bool read_conditions(const json& block, std::vector<Condition>* out) {
  if (!block.is_object()) return false;
  for (const auto& [op, keys] : block.items()) {
    if (!keys.is_object()) return false;
    if (!known_operator(op)) {
      // IAM accepts an unknown operator only with an empty block; it never holds.
      if (!keys.empty()) return false;
      out->push_back(Condition{op, "", {}});
    }
    for (const auto& [key, values] : keys.items()) {
      Condition c{op, lowercase(key), {}};
      if (values.is_array()) {
        for (const json& v : values)
          if (!read_scalar(v, &c.values)) return false;
      } else if (!read_scalar(values, &c.values)) {
        return false;
      }
      out->push_back(std::move(c));
    }
  }
  return true;
}

// Reads one statement; false on a syntax error. Sets *principal when one is named.
bool read_statement(const json& j, ParsedStatement* out, bool* principal) {
  static const std::set<std::string> kMembers = {"Sid",       "Effect",    "Action",
                                                 "NotAction", "Resource",  "NotResource",
                                                 "Condition", "Principal", "NotPrincipal"};
  if (!j.is_object()) return false;
  for (const auto& [name, value] : j.items())
    if (!kMembers.count(name)) return false;
  if (j.contains("Action") && j.contains("NotAction")) return false;
  if (j.contains("Resource") && j.contains("NotResource")) return false;
  if (j.contains("Principal") || j.contains("NotPrincipal")) *principal = true;

  Statement& s = out->statement;
  if (!j.contains("Effect") || !j["Effect"].is_string()) return false;
  out->effect = j["Effect"].get<std::string>();
  std::string effect = lowercase(out->effect);
  if (effect != "allow" && effect != "deny") return false;
  s.allow = effect == "allow";

  s.not_action = j.contains("NotAction");
  if (const char* key = s.not_action ? "NotAction" : "Action"; j.contains(key))
    if (!read_strings(j[key], &s.actions)) return false;
  s.not_resource = j.contains("NotResource");
  if (const char* key = s.not_resource ? "NotResource" : "Resource"; j.contains(key))
    if (!read_strings(j[key], &s.resources)) return false;
  if (j.contains("Condition")) {
    s.condition = j["Condition"];
    if (!read_conditions(s.condition, &s.conditions)) return false;
  }
  if (j.contains("Sid")) {
    if (!j["Sid"].is_string()) return false;
    s.sid = j["Sid"].get<std::string>();
  }
  return true;
}

}  // namespace

Result<PolicyPtr> parse_policy(std::string_view document, PolicyKind kind) {
  json doc = parse_json_bounded(document);
  if (doc.is_discarded() || !doc.is_object()) return syntax_error();
  for (const auto& [name, value] : doc.items())
    if (name != "Version" && name != "Id" && name != "Statement") return syntax_error();

  auto policy = std::make_shared<Policy>();
  if (doc.contains("Version")) {
    if (!doc["Version"].is_string()) return syntax_error();
    policy->version = doc["Version"].get<std::string>();
    if (policy->version != "2012-10-17" && policy->version != "2008-10-17") return syntax_error();
  }
  if (doc.contains("Id") && !doc["Id"].is_string()) return syntax_error();
  if (!doc.contains("Statement")) return syntax_error();
  const json& body = doc["Statement"];
  std::vector<const json*> raw;
  if (body.is_object()) {
    raw.push_back(&body);
  } else if (body.is_array() && !body.empty()) {
    for (const json& s : body) raw.push_back(&s);
  } else {
    return syntax_error();
  }

  std::vector<ParsedStatement> statements(raw.size());
  bool principal = false;
  for (size_t i = 0; i < raw.size(); ++i)
    if (!read_statement(*raw[i], &statements[i], &principal)) return syntax_error();
  if (principal) return malformed("Policy document should not specify a principal.");

  for (const ParsedStatement& ps : statements) policy->statements.push_back(ps.statement);
  if (Status s = check_policy(*policy, statements, kind); !s) return s.error();
  return PolicyPtr(std::move(policy));
}

}  // namespace opsreg::mocks::policy
