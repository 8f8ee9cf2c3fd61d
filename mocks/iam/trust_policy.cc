// Trust policy checks (CreateRole) and evaluation (AssumeRole).
#include "mocks/iam/trust_policy.h"

#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

#include "core/util/json_bounded.h"
#include "mocks/iam/errors.h"
#include "mocks/policy/wildcard.h"

namespace opsreg::mocks::iam {

namespace {

using nlohmann::json;

aws::Error malformed(std::string message) {
  return aws::make_error("MalformedPolicyDocument", std::move(message), 400);
}

// A string, or a non-empty array of strings.
bool read_strings(const json& j, std::vector<std::string>* out) {
  if (j.is_string()) {
    out->push_back(j.get<std::string>());
    return true;
  }
  if (!j.is_array() || j.empty()) return false;
  for (const json& e : j) {
    if (!e.is_string()) return false;
    out->push_back(e.get<std::string>());
  }
  return true;
}

std::vector<const json*> statements_of(const json& doc) {
  std::vector<const json*> out;
  const json& body = doc["Statement"];
  if (body.is_object()) out.push_back(&body);
  if (body.is_array())
    for (const json& s : body) out.push_back(&s);
  return out;
}

bool is_account_id(std::string_view s) {
  return s.size() == 12 && std::all_of(s.begin(), s.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c));
         });
}

// The account of an IAM or STS ARN ("" when `arn` is not one).
std::string arn_account(std::string_view arn) {
  for (std::string_view prefix : {"arn:aws:iam::", "arn:aws:sts::"}) {
    if (!arn.starts_with(prefix)) continue;
    std::string_view rest = arn.substr(prefix.size());
    size_t colon = rest.find(':');
    if (colon == std::string_view::npos || colon + 1 >= rest.size()) return "";
    std::string account(rest.substr(0, colon));
    return is_account_id(account) ? account : "";
  }
  return "";
}

aws::Error invalid_principal(std::string_view key, std::string_view value) {
  return malformed("Invalid principal in policy: \"" + std::string(key) + "\":\"" +
                   std::string(value) + "\"");
}

Status check_principal(const json& principal, std::string_view account_id,
                       const std::function<bool(std::string_view)>& principal_exists) {
  if (principal.is_string()) {
    if (principal.get<std::string>() == "*") return {};
    return malformed("Syntax errors in policy.");
  }
  if (!principal.is_object() || principal.empty()) return malformed("Syntax errors in policy.");
  static const std::set<std::string> kKinds = {"AWS", "Service", "Federated", "CanonicalUser"};
  for (const auto& [kind, value] : principal.items()) {
    std::vector<std::string> names;
    if (!kKinds.count(kind) || !read_strings(value, &names))
      return malformed("Syntax errors in policy.");
    for (const std::string& name : names) {
      if (kind == "Service" && name.find('.') == std::string::npos)
        return invalid_principal(kind, name);
      if (kind != "AWS" || name == "*" || is_account_id(name)) continue;
      std::string account = arn_account(name);
      if (account.empty()) return invalid_principal(kind, name);
      bool named_entity =
          name.find(":user/") != std::string::npos || name.find(":role/") != std::string::npos;
      if (account == account_id && named_entity && !principal_exists(name))
        return invalid_principal(kind, name);
    }
  }
  return {};
}

size_t policy_size(std::string_view document) {
  size_t n = 0;
  for (char c : document) n += std::isspace(static_cast<unsigned char>(c)) ? 0 : 1;
  return n;
}

}  // namespace

Status check_trust_policy(std::string_view document, std::string_view account_id,
                          const std::function<bool(std::string_view)>& principal_exists) {
  json doc = parse_json_bounded(document);
  if (doc.is_discarded() || !doc.is_object()) return malformed("This policy contains invalid Json");
  for (const auto& [name, value] : doc.items())
    if (name != "Version" && name != "Id" && name != "Statement")
      return malformed("Syntax errors in policy.");
  if (doc.contains("Version")) {
    const json& v = doc["Version"];
    if (!v.is_string() || (v != "2012-10-17" && v != "2008-10-17"))
      return malformed("Syntax errors in policy.");
  }
  if (!doc.contains("Statement")) return malformed("Syntax errors in policy.");
  std::vector<const json*> statements = statements_of(doc);
  if (statements.empty()) return malformed("Syntax errors in policy.");
  static const std::set<std::string> kMembers = {"Sid",       "Effect",      "Action",
                                                 "NotAction", "Principal",   "NotPrincipal",
                                                 "Resource",  "NotResource", "Condition"};
  for (const json* s : statements) {
    if (!s->is_object()) return malformed("Syntax errors in policy.");
    for (const auto& [name, value] : s->items())
      if (!kMembers.count(name)) return malformed("Syntax errors in policy.");
    const json effect = s->value("Effect", json());
    if (!effect.is_string() || (effect != "Allow" && effect != "Deny"))
      return malformed("Syntax errors in policy.");
    if (s->contains("Resource")) return malformed("Has prohibited field Resource");
    if (s->contains("NotResource")) return malformed("Has prohibited field NotResource");
    if (!s->contains("Principal") && !s->contains("NotPrincipal"))
      return malformed("Missing required field Principal");
    std::vector<std::string> actions;
    const char* action_key = s->contains("NotAction") ? "NotAction" : "Action";
    if (!s->contains(action_key)) return malformed("Policy statement must contain actions.");
    if (!read_strings((*s)[action_key], &actions)) return malformed("Syntax errors in policy.");
    for (const std::string& a : actions)
      if (a != "*" && a.find(':') == std::string::npos)
        return malformed(
            "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
    const char* principal_key = s->contains("Principal") ? "Principal" : "NotPrincipal";
    if (Status st = check_principal((*s)[principal_key], account_id, principal_exists); !st.ok())
      return st;
  }
  if (policy_size(document) > kTrustPolicyQuota)
    return limit_exceeded("Cannot exceed quota for ACLSizePerRole: " +
                          std::to_string(kTrustPolicyQuota));
  return {};
}

TrustDecision evaluate_trust(std::string_view document, std::string_view action,
                             std::string_view account_id,
                             const std::vector<std::string>& caller_arns) {
  json doc = parse_json_bounded(document);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("Statement"))
    return TrustDecision::kNone;
  TrustDecision best = TrustDecision::kNone;
  for (const json* s : statements_of(doc)) {
    if (!s->is_object() || !s->contains("Principal") || s->contains("Condition")) continue;
    std::vector<std::string> actions;
    bool not_action = s->contains("NotAction");
    if (!read_strings((*s)[not_action ? "NotAction" : "Action"], &actions)) continue;
    bool action_matches = false;
    for (const std::string& a : actions)
      action_matches = action_matches || policy::wildcard_match(a, action, /*ignore_case=*/true);
    if (action_matches == not_action) continue;
    // How the principal block names the caller: by name (or "*"), by account, or not at all.
    TrustDecision match = TrustDecision::kNone;
    const json& principal = (*s)["Principal"];
    std::vector<std::string> names;
    if (principal.is_string() && principal == "*") names.push_back("*");
    if (principal.is_object() && principal.contains("AWS")) read_strings(principal["AWS"], &names);
    for (const std::string& n : names) {
      bool by_name =
          n == "*" || std::find(caller_arns.begin(), caller_arns.end(), n) != caller_arns.end();
      if (by_name) match = TrustDecision::kPrincipal;
      bool by_account = n == account_id || n == "arn:aws:iam::" + std::string(account_id) + ":root";
      if (by_account && match == TrustDecision::kNone) match = TrustDecision::kAccount;
    }
    if (match == TrustDecision::kNone) continue;
    if (s->value("Effect", "") == "Deny") return TrustDecision::kDenied;
    if (match == TrustDecision::kPrincipal || best == TrustDecision::kNone) best = match;
  }
  return best;
}

}  // namespace opsreg::mocks::iam
