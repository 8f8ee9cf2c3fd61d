// Parsing the world file's "settings" object.
#include "mocks/base/world_settings.h"

#include "core/clock/time_format.h"

namespace opsreg::mocks {

namespace {
aws::Error invalid(const std::string& what) {
  return aws::make_error("ValidationError", "world file: settings: " + what);
}
// A duration string from `least` to `most`, or nothing (then the caller names the rule).
std::optional<std::chrono::microseconds> duration_within(const nlohmann::json& value,
                                                         std::chrono::microseconds least,
                                                         std::chrono::microseconds most) {
  auto d = value.is_string() ? parse_duration(value.get<std::string>()) : std::nullopt;
  if (!d || *d < least || *d > most) return std::nullopt;
  return d;
}

Result<IamQuotas> parse_iam_quotas(const nlohmann::json& j) {
  IamQuotas q;
  if (!j.is_object()) return invalid("iam_quotas must be an object");
  const std::pair<const char*, int*> fields[] = {{"users", &q.users},
                                                 {"groups", &q.groups},
                                                 {"roles", &q.roles},
                                                 {"instance_profiles", &q.instance_profiles},
                                                 {"groups_per_user", &q.groups_per_user},
                                                 {"policies_per_user", &q.policies_per_user},
                                                 {"policies_per_role", &q.policies_per_role},
                                                 {"policies_per_group", &q.policies_per_group}};
  for (const auto& [key, value] : j.items()) {
    int* field = nullptr;
    for (const auto& [name, target] : fields)
      if (key == name) field = target;
    if (!field)
      return invalid("iam_quotas: unknown quota " + key +
                     " (users, groups, roles, instance_profiles, groups_per_user, "
                     "policies_per_user, policies_per_role, policies_per_group)");
    if (!value.is_number_integer() || value.get<int64_t>() < 0 ||
        value.get<int64_t>() > kMaxIamQuota)
      return invalid("iam_quotas: " + key + " must be an integer from 0 to " +
                     std::to_string(kMaxIamQuota));
    *field = value.get<int>();
  }
  return q;
}

}  // namespace

Result<WorldSettings> parse_world_settings(const nlohmann::json& settings) {
  WorldSettings out;
  if (settings.is_null()) return out;
  if (!settings.is_object()) return invalid("must be an object");
  for (const auto& [key, value] : settings.items()) {
    if (key == "agent_key_pool") {
      if (!value.is_number_integer() || value.get<int64_t>() < 0 ||
          value.get<int64_t>() > kMaxAgentKeyPool)
        return invalid("agent_key_pool must be an integer from 0 (off) to " +
                       std::to_string(kMaxAgentKeyPool));
      out.agent_key_pool = value.get<int>();
    } else if (key == "agent_contact_interval") {
      auto d = duration_within(value, kMinAgentContactInterval, kMaxAgentContactInterval);
      if (!d)
        return invalid(
            "agent_contact_interval must be a duration from \"1s\" to \"1d\", "
            "e.g. \"1m\"");
      out.agent_contact_interval = *d;
    } else if (key == "agent_missed_contacts") {
      if (!value.is_number_integer() || value.get<int64_t>() < 1 ||
          value.get<int64_t>() > kMaxAgentMissedContacts)
        return invalid("agent_missed_contacts must be an integer from 1 to " +
                       std::to_string(kMaxAgentMissedContacts));
      out.agent_missed_contacts = value.get<int>();
    } else if (key == "sandbox_hosts") {
      if (!value.is_boolean()) return invalid("sandbox_hosts must be true or false");
      out.sandbox_hosts = value.get<bool>();
    } else if (key == "iam_propagation_delay") {
      auto d = duration_within(value, {}, std::chrono::hours(1));
      if (!d) return invalid("iam_propagation_delay must be a duration up to \"1h\", e.g. \"10s\"");
      out.iam_propagation_delay = *d;
    } else if (key == "iam_quotas") {
      auto quotas = parse_iam_quotas(value);
      if (!quotas.ok()) return quotas.error();
      out.iam_quotas = *quotas;
    } else if (key == "ssh_login_grace_time") {
      auto d = duration_within(value, {}, kMaxSshLoginGraceTime);
      if (!d)
        return invalid(
            "ssh_login_grace_time must be a duration from \"0s\" (no limit) to \"1h\", "
            "e.g. \"120s\"");
      out.ssh_login_grace_time = std::chrono::ceil<std::chrono::milliseconds>(*d);
    } else if (key == "ssh_max_startups") {
      if (!value.is_number_integer() || value.get<int64_t>() < 1 ||
          value.get<int64_t>() > kMaxSshMaxStartups)
        return invalid("ssh_max_startups must be an integer from 1 to " +
                       std::to_string(kMaxSshMaxStartups));
      out.ssh_max_startups = value.get<int>();
    } else {
      return invalid("unknown key " + key);
    }
  }
  return out;
}

}  // namespace opsreg::mocks
