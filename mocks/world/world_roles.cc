// Loading the world file's roles and their instance profiles.
#include "mocks/world/world_roles.h"

#include <set>

namespace opsreg::mocks {

const char kEc2TrustPolicy[] =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"
    R"("Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]})";

namespace {

aws::Error invalid(const std::string& what) {
  return aws::make_error("ValidationError", "world file: " + what);
}

// A policy document given as a JSON object or as its text.
std::string document_text(const nlohmann::json& doc) {
  return doc.is_string() ? doc.get<std::string>() : doc.dump();
}

Status load_role(iam::IamModel& iam, const nlohmann::json& r) {
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

Status load_world_roles(iam::IamModel& iam, const nlohmann::json& roles) {
  if (!roles.is_array()) return invalid("roles must be an array");
  for (const auto& r : roles)
    if (Status s = load_role(iam, r); !s.ok()) return s;
  return {};
}

}  // namespace opsreg::mocks
