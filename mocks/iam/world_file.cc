// The world file's IAM part: "identities" (users with their keys, groups and policies) and
// "roles" (with trust policy, policies and instance profile), loaded through the IAM rules.
//
//   "identities": [{"user_name", "path"?, "access_key_id"?, "secret_access_key"?,
//                   "groups"?: [names, created when missing], "managed_policies"?: [ARNs],
//                   "policies"?: {name: document}}]
//   "roles": [{"role_name", "path"?, "assume_role_policy"? (EC2 may assume it by default),
//              "description"?, "max_session_duration"?, "policies"?: {name: document},
//              "managed_policies"?: [ARNs], "instance_profile"?: name}]
#include <set>

#include "mocks/iam/model.h"

namespace opsreg::mocks::iam {

namespace {

// The trust policy a world role gets when it names none: EC2 may assume it (an instance role).
const char kEc2TrustPolicy[] =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"
    R"("Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]})";

aws::Error invalid(const std::string& what) {
  return aws::make_error("ValidationError", "world file: " + what);
}

// Each identity is an IAM user with its own key and permissions: "policies" (inline, name ->
// document), "managed_policies" (ARNs, e.g. arn:aws:iam::aws:policy/IAMReadOnlyAccess) and
// "groups" (names, created when missing). This is how a world gives its operators less than root.
Status load_identities(IamModel& iam, const nlohmann::json& identities) {
  if (!identities.is_array()) return invalid("identities must be an array");
  for (const auto& id : identities) {
    std::string name = id.value("user_name", "");
    auto user = iam.create_user(name, id.value("path", "/"));
    if (!user.ok()) return invalid("identity " + name + ": " + user.error().message);
    if (id.contains("access_key_id")) {
      auto key = iam.import_access_key(name, id.value("access_key_id", ""),
                                       id.value("secret_access_key", ""));
      if (!key.ok()) return invalid("identity " + name + ": " + key.error().message);
    }
    for (const auto& group : id.value("groups", nlohmann::json::array())) {
      std::string group_name = group.is_string() ? group.get<std::string>() : "";
      auto created = iam.create_group(group_name, "/");
      if (!created.ok() && !created.error().is("EntityAlreadyExists"))
        return invalid("identity " + name + ", group " + group_name + ": " +
                       created.error().message);
      if (Status s = iam.add_user_to_group(group_name, name); !s.ok())
        return invalid("identity " + name + ", group " + group_name + ": " + s.error().message);
    }
    for (const auto& arn : id.value("managed_policies", nlohmann::json::array())) {
      std::string policy_arn = arn.is_string() ? arn.get<std::string>() : "";
      if (Status s = iam.attach_user_policy(name, policy_arn); !s.ok())
        return invalid("identity " + name + ", managed policy " + policy_arn + ": " +
                       s.error().message);
    }
    const nlohmann::json policies = id.value("policies", nlohmann::json::object());
    for (const auto& [policy_name, doc] : policies.items()) {
      Status s = iam.put_user_policy(name, policy_name,
                                     doc.is_string() ? doc.get<std::string>() : doc.dump());
      if (!s.ok())
        return invalid("identity " + name + ", policy " + policy_name + ": " + s.error().message);
    }
  }
  return {};
}

// A policy document given as a JSON object or as its text.
std::string document_text(const nlohmann::json& doc) {
  return doc.is_string() ? doc.get<std::string>() : doc.dump();
}

Status load_role(IamModel& iam, const nlohmann::json& r) {
  static const std::set<std::string> kKeys = {"role_name",
                                              "path",
                                              "assume_role_policy",
                                              "description",
                                              "max_session_duration",
                                              "policies",
                                              "managed_policies",
                                              "instance_profile"};
  if (!r.is_object()) return invalid("each role must be an object");
  std::string name = r.value("role_name", "");
  for (const auto& [key, value] : r.items())
    if (!kKeys.count(key)) return invalid("role " + name + ": unknown key \"" + key + "\"");
  std::string trust = r.contains("assume_role_policy") ? document_text(r["assume_role_policy"])
                                                       : std::string(kEc2TrustPolicy);
  std::string path = r.value("path", "/");
  auto role = iam.create_role(name, path, trust, r.value("description", ""),
                              r.value("max_session_duration", 3600));
  if (!role.ok()) return invalid("role " + name + ": " + role.error().message);
  const nlohmann::json policies = r.value("policies", nlohmann::json::object());
  if (!policies.is_object()) return invalid("role " + name + ": policies must be an object");
  for (const auto& [policy_name, doc] : policies.items()) {
    if (Status s = iam.put_role_policy(name, policy_name, document_text(doc)); !s.ok())
      return invalid("role " + name + ", policy " + policy_name + ": " + s.error().message);
  }
  for (const auto& arn : r.value("managed_policies", nlohmann::json::array())) {
    std::string policy_arn = arn.is_string() ? arn.get<std::string>() : "";
    if (Status s = iam.attach_role_policy(name, policy_arn); !s.ok())
      return invalid("role " + name + ", managed policy " + policy_arn + ": " + s.error().message);
  }
  if (r.contains("instance_profile")) {
    std::string profile = r["instance_profile"].get<std::string>();
    auto created = iam.create_instance_profile(profile, path);
    if (!created.ok() && !created.error().is("EntityAlreadyExists"))
      return invalid("role " + name + ", instance profile " + profile + ": " +
                     created.error().message);
    if (Status s = iam.add_role_to_instance_profile(profile, name); !s.ok())
      return invalid("role " + name + ", instance profile " + profile + ": " + s.error().message);
  }
  return {};
}

}  // namespace

Status IamModel::load(const nlohmann::json& identities, const nlohmann::json& roles) {
  if (Status s = load_identities(*this, identities); !s.ok()) return s;
  if (!roles.is_array()) return invalid("roles must be an array");
  for (const auto& r : roles)
    if (Status s = load_role(*this, r); !s.ok()) return s;
  return {};
}

}  // namespace opsreg::mocks::iam
