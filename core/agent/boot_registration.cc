// boot-registration: key pair, endpoint from the preconfig, RegisterInstance with the
// preconfig's credentials, and the SDK-style clock-skew correction.
#include "core/agent/boot_registration.h"

#include <cstdlib>

#include "core/agent/agent_config.h"
#include "core/agent/clock_skew.h"
#include "core/agent/initial_setup.h"
#include "core/agent/instance_identity.h"
#include "core/agent/rsa_key.h"
#include "core/clients/opsworks_client.h"
#include "core/clock/time_format.h"

namespace opsreg::agent {

namespace {

using registration::preconfig_text;
using registration::PreconfigValues;

aws::Error invalid_preconfig(std::string why) {
  return aws::make_error("InvalidPreconfig", std::move(why), 0);
}

}  // namespace

Result<config::ServiceConfig> opsworks_service(const PreconfigValues& p) {
  config::ServiceConfig c;
  c.service = config::Service::kOpsWorks;
  c.signing_name = "opsworks";
  if (preconfig_text(p, "stack_id").empty())
    return invalid_preconfig("the preconfig has no stack_id");
  bool own = !preconfig_text(p, "ops_works_endpoint").empty();
  std::string prefix = own ? "ops_works_" : "instance_service_";
  c.region = preconfig_text(p, prefix + "region");
  if (c.region.empty()) c.region = preconfig_text(p, "ops_works_region");
  if (c.region.empty()) return invalid_preconfig("the preconfig names no region");
  std::string host = preconfig_text(p, prefix + "endpoint");
  if (host.empty()) {
    c.endpoint = config::default_endpoint(config::Service::kOpsWorks, c.region);
  } else {
    bool ssl = preconfig_text(p, prefix + "use_ssl") != "false";
    std::string port = preconfig_text(p, prefix + "port");
    c.endpoint.url = std::string(ssl ? "https://" : "http://") + host;
    if (!port.empty() && port != (ssl ? "443" : "80")) c.endpoint.url += ":" + port;
    c.endpoint.signing_region = c.region;
    c.endpoint.source = "preconfig";
  }
  c.credentials.access_key_id = preconfig_text(p, "access_key_id");
  c.credentials.secret_access_key = preconfig_text(p, "secret_access_key");
  if (c.credentials.access_key_id.empty() || c.credentials.secret_access_key.empty())
    return aws::make_error("NoCredentials", "the preconfig holds no access key", 0);
  return c;
}

Result<config::ServiceConfig> opsworks_service(const PreconfigValues& p,
                                               const aws::Credentials& credentials) {
  PreconfigValues with_key = p;
  with_key["access_key_id"] = credentials.access_key_id;
  with_key["secret_access_key"] = credentials.secret_access_key;
  auto service = opsworks_service(with_key);
  if (service.ok()) service->credentials = credentials;
  return service;
}

Result<BootResult> boot_registration(const PreconfigValues& p, const AgentHost& host,
                                     BootOptions options) {
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };
  config::InstanceMetadataClient imds(
      options.metadata.value_or(config::MetadataOptions::from_env(config::process_env())));
  std::optional<Ec2Identity> ec2;  // import: true (EC2): what RegisterInstance proves
  if (preconfig_text(p, "import") == "true") {
    auto read = read_ec2_identity(imds);
    if (!read.ok()) return read.error();
    ec2 = *read;
    log("EC2 instance " + ec2->instance_id + " in " + ec2->region);
  }
  auto service = agent_opsworks_service(p, imds);
  if (!service.ok()) return service.error();
  log("Using OpsWorks endpoint " + service->endpoint.url + " (region " + service->region +
      "), access key " + service->credentials.access_key_id);

  BootResult result;
  const AgentHost where = ec2 ? ec2->on(host) : host;
  result.hostname =
      preconfig_text(p, "hostname").empty() ? where.hostname : preconfig_text(p, "hostname");
  result.private_ip =
      preconfig_text(p, "private_ip").empty() ? where.private_ip : preconfig_text(p, "private_ip");
  result.public_ip =
      preconfig_text(p, "public_ip").empty() ? where.public_ip : preconfig_text(p, "public_ip");

  std::string pool =
      options.key_pool.empty() ? preconfig_text(p, "opsreg_agent_key_pool") : options.key_pool;
  auto key = pool.empty()
                 ? generate_rsa_key(2048)
                 : key_from_pool(pool, preconfig_text(p, "stack_id") + "/" + result.hostname);
  if (!key.ok()) return key.error();
  result.fingerprint = key->fingerprint;
  log(std::string(pool.empty() ? "Generated an RSA-2048 key pair"
                               : "Took an RSA key pair from " + pool) +
      ", fingerprint " + key->fingerprint);

  options.deps.fill_missing();
  auto clock = std::make_shared<SkewCorrectedClock>(options.deps.clock);
  options.deps.clock = clock;
  auto client = clients::AwsClient::create(*service, options.deps);
  if (!client.ok()) return client.error();
  clients::OpsWorksClient opsworks(std::move(*client));

  clients::RegisterInstanceRequest req;
  req.stack_id = preconfig_text(p, "stack_id");
  req.hostname = result.hostname;
  req.private_ip = result.private_ip;
  req.public_ip = result.public_ip;
  req.rsa_public_key = key->public_pem;
  req.rsa_public_key_fingerprint = key->fingerprint;
  if (ec2) req.instance_identity = ec2->identity;
  log("Registering hostname " + result.hostname + " (private IP " +
      (result.private_ip.empty() ? "none" : result.private_ip) + ", public IP " +
      (result.public_ip.empty() ? "none" : result.public_ip) + ") with stack " + req.stack_id);
  auto id = opsworks.register_instance(req);
  if (!id.ok()) {
    if (auto server_now = server_time_of(id.error())) {
      log("Clock skew: the service's time is " + format_iso8601(*server_now) + "; retrying");
      clock->correct_to(*server_now);
      id = opsworks.register_instance(req);
    }
  }
  if (!id.ok()) {
    log("RegisterInstance failed: " + id.error().code + ": " + id.error().message);
    return id.error();
  }
  result.instance_id = *id;
  log("Registered instance " + result.instance_id + " (" + result.hostname + ")");
  if (Status s = write_agent_config(host, agent_config_values(p, *id, result.hostname)); !s.ok())
    return s.error();
  log(std::string("Wrote the agent configuration ") + kAgentConfigPath);
  // Initial setup (initial_setup.h): hosts file, EBS volumes, Elastic IPs; "SetupFailed" when a
  // volume sits on a reserved mount point.
  if (auto setup = initial_setup(opsworks, host, result.instance_id, log); !setup.ok())
    return setup.error();
  return result;
}

}  // namespace opsreg::agent
