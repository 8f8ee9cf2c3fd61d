// IAM's semantic checks on policy documents, with IAM's messages.
#include "mocks/policy/policy_checks.h"

#include <algorithm>
#include <set>

#include "mocks/policy/conditions.h"
#include "mocks/policy/policy_date.h"

namespace opsreg::mocks::policy {

namespace {

constexpr std::string_view kLegacy = "The policy failed legacy parsing";

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t at = s.find(sep, start);
    out.emplace_back(s.substr(start, at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

// Splits at the first `sep`: {before, found, after}.
struct Cut {
  std::string_view before;
  bool found;
  std::string_view after;
};
Cut cut(std::string_view s, char sep) {
  size_t at = s.find(sep);
  if (at == std::string_view::npos) return {s, false, {}};
  return {s.substr(0, at), true, s.substr(at + 1)};
}

// IAM's message for a resource that is not a usable ARN, or empty when it is.
std::string resource_format_error(const std::string& r) {
  if (r == "*") return "";
  Cut scheme = cut(r, ':');
  if (!scheme.found) return "Resource " + r + " must be in ARN format or \"*\".";
  Cut partition = cut(scheme.after, ':');
  static const std::set<std::string_view> kPartitions = {"aws", "*", "aws-cn", "aws-us-gov"};
  if (!kPartitions.count(partition.before)) {
    std::vector<std::string> rest = split(partition.after, ':');
    auto part = [&](size_t i) { return i < rest.size() ? rest[i] : std::string("*"); };
    std::string a1 = rest[0].empty() && rest.size() == 1 ? "*" : rest[0];
    std::string a4 = "*";
    if (rest.size() > 3) {
      a4 = rest[3];
      for (size_t i = 4; i < rest.size(); ++i) a4 += ":" + rest[i];
    }
    return "Partition \"" + std::string(partition.before) +
           "\" is not valid for resource \"arn:" + std::string(partition.before) + ":" + a1 + ":" +
           part(1) + ":" + part(2) + ":" + a4 + "\".";
  }
  if (!partition.found)
    return "Resource vendor must be fully qualified and cannot contain regexes.";
  Cut service = cut(partition.after, ':');
  if (service.before == "iam" && !service.after.starts_with(":"))
    return "IAM resource " + r + " cannot contain region information.";
  if (service.before == "s3" && !service.after.starts_with(":"))
    return "Resource " + r + " can not contain region information.";
  if (service.before == "iam") {
    std::string_view path = cut(cut(service.after, ':').after, ':').after;
    static constexpr std::string_view kPaths[] = {"*",
                                                  "user/",
                                                  "federated-user/",
                                                  "role/",
                                                  "group/",
                                                  "instance-profile/",
                                                  "mfa/",
                                                  "server-certificate/",
                                                  "policy/",
                                                  "sms-mfa/",
                                                  "saml-provider/",
                                                  "oidc-provider/",
                                                  "report/",
                                                  "access-report/"};
    if (std::none_of(std::begin(kPaths), std::end(kPaths),
                     [&](std::string_view p) { return path.starts_with(p); }))
      return "IAM resource path must either be \"*\" or start with user/, federated-user/, "
             "role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, "
             "saml-provider/, oidc-provider/, report/, access-report/.";
  }
  return "";
}

// The shape the legacy parser insists on: "::" only in full six-part ARNs, and a service.
bool legacy_resource_ok(const std::string& r) {
  if (r == "*") return true;
  size_t colons = std::count(r.begin(), r.end(), ':');
  if (colons < 5 && r.find("::") != std::string::npos) return false;
  std::vector<std::string> parts = split(r, ':');
  return parts.size() > 2 && !parts[2].empty();
}

std::string action_error(const std::string& action) {
  std::vector<std::string> parts = split(action, ':');
  if (parts.size() == 1 && parts[0] != "*")
    return "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
  if (parts.size() > 2) return "Actions/Condition can contain only one colon.";
  if (parts[0] != "*") {
    for (char c : parts[0]) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.';
      if (!ok) return "Vendor " + parts[0] + " is not valid";
    }
  }
  return "";
}

bool sid_ok(const std::string& sid) {
  return std::all_of(sid.begin(), sid.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

}  // namespace

aws::Error malformed(std::string message) {
  return aws::make_error("MalformedPolicyDocument", std::move(message), 400);
}

Status check_policy(const Policy& policy, const std::vector<ParsedStatement>& statements,
                    PolicyKind kind) {
  if (kind == PolicyKind::kManaged && policy.version != "2012-10-17")
    return malformed("Policy document must be version 2012-10-17 or greater.");

  // Legacy parsing: Effect exactly Allow/Deny, Date values, then resource shapes.
  for (const ParsedStatement& ps : statements) {
    if (ps.effect != "Allow" && ps.effect != "Deny") return malformed(std::string(kLegacy));
    for (const Condition& c : ps.statement.conditions) {
      if (!is_date_operator(c.op)) continue;
      for (const std::string& v : c.values)
        if (!parse_policy_date(v)) return malformed(std::string(kLegacy));
    }
  }
  std::string resource_error;
  for (const ParsedStatement& ps : statements) {
    std::vector<std::string> sorted = ps.statement.resources;
    std::sort(sorted.rbegin(), sorted.rend());
    for (const std::string& r : sorted) {
      std::string e = resource_format_error(r);
      if (!e.empty()) resource_error = e;
    }
    if (resource_error.empty()) {
      for (const std::string& r : ps.statement.resources)
        if (!legacy_resource_ok(r)) return malformed(std::string(kLegacy));
    }
  }

  std::set<std::string> sids;
  for (const ParsedStatement& ps : statements) {
    const std::string& sid = ps.statement.sid;
    if (sid.empty()) continue;
    if (!sids.insert(sid).second)
      return malformed("Statement IDs (SID) in a single policy must be unique.");
  }
  for (const ParsedStatement& ps : statements) {
    if (!sid_ok(ps.statement.sid))
      return malformed(
          "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the "
          "regular expression [0-9A-Za-z]*");
  }
  for (const ParsedStatement& ps : statements)
    if (ps.statement.actions.empty()) return malformed("Policy statement must contain actions.");
  for (const ParsedStatement& ps : statements)
    if (ps.statement.resources.empty())
      return malformed("Policy statement must contain resources.");
  if (!resource_error.empty()) return malformed(resource_error);
  for (bool not_action : {false, true}) {
    for (const ParsedStatement& ps : statements) {
      if (ps.statement.not_action != not_action) continue;
      for (const std::string& a : ps.statement.actions) {
        std::string e = action_error(a);
        if (!e.empty()) return malformed(e);
      }
    }
  }
  return {};
}

}  // namespace opsreg::mocks::policy
