// The agent's contact: its config's endpoint and key (or instance-profile credentials), one
// signed AgentContact, and a log line either way.
#include "core/agent/agent_contact.h"

#include "core/agent/agent_config.h"
#include "core/agent/boot_registration.h"
#include "core/agent/clock_skew.h"
#include "core/clock/time_format.h"

namespace opsreg::agent {

namespace {

constexpr const char* kAgentContactTarget = "OpsWorks_20130218.AgentContact";

}  // namespace

Result<ContactResult> agent_contact(const registration::PreconfigValues& config,
                                    ContactOptions options) {
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };
  ContactResult result;
  result.instance_id = registration::preconfig_text(config, "instance_id");
  if (result.instance_id.empty())
    return aws::make_error("InvalidPreconfig", "the agent configuration has no instance_id", 0);

  aws::Credentials creds{registration::preconfig_text(config, "access_key_id"),
                         registration::preconfig_text(config, "secret_access_key"), ""};
  if (creds.access_key_id.empty() || creds.secret_access_key.empty()) {
    if (!options.instance_credentials) {
      log("Contact failed: the agent configuration holds no access key and no instance "
          "profile is available");
      return aws::make_error("NoCredentials",
                             "the agent configuration holds no access key and no instance-profile "
                             "credentials are available",
                             0);
    }
    auto fetched = options.instance_credentials();
    if (!fetched.ok()) {
      log("Contact failed: no instance-profile credentials: " + fetched.error().code + ": " +
          fetched.error().message);
      return fetched.error();
    }
    creds = *fetched;
  }
  // The endpoint exactly as boot-registration derives it, signed with `creds`.
  auto service = opsworks_service(config, creds);
  if (!service.ok()) return service.error();

  options.deps.fill_missing();
  auto clock = std::make_shared<SkewCorrectedClock>(options.deps.clock);
  options.deps.clock = clock;
  auto client = clients::AwsClient::create(*service, options.deps);
  if (!client.ok()) return client.error();
  const nlohmann::json body = {{"InstanceId", result.instance_id}};
  auto answer = client->call_json(kAgentContactTarget, body);
  if (!answer.ok()) {
    if (auto server_now = server_time_of(answer.error())) {  // as boot-registration does
      log("Clock skew: the service's time is " + format_iso8601(*server_now) + "; retrying");
      clock->correct_to(*server_now);
      answer = client->call_json(kAgentContactTarget, body);
    }
  }
  if (!answer.ok()) {
    log("Contact refused (access key " + creds.access_key_id + "): " + answer.error().code + ": " +
        answer.error().message);
    return answer.error();
  }
  result.status = answer->value("Status", "");
  log("Contact with OpsWorks as instance " + result.instance_id + ": status " + result.status);
  return result;
}

Result<ContactResult> agent_contact(const AgentHost& host, ContactOptions options) {
  auto config = read_agent_config(host);
  if (!config.ok()) {
    if (options.log) options.log("Contact failed: " + config.error().message);
    return config.error();
  }
  return agent_contact(*config, std::move(options));
}

}  // namespace opsreg::agent
