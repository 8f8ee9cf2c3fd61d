// The agent's reads from the instance metadata service: identity, addresses, and the
// instance-profile credentials that stand in for a preconfig without a key.
#include "core/agent/instance_identity.h"

#include "core/agent/boot_registration.h"

namespace opsreg::agent {

namespace {

aws::Error reading(const std::string& what, const aws::Error& e) {
  return aws::make_error(e.code,
                         "reading " + what + " from the instance metadata service: " + e.message,
                         e.http_status);
}

std::string trimmed(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

}  // namespace

AgentHost Ec2Identity::on(const AgentHost& host) const {
  AgentHost h = host;
  h.private_ip = private_ip;
  h.public_ip = public_ip;
  return h;
}

Result<Ec2Identity> read_ec2_identity(config::InstanceMetadataClient& imds) {
  auto doc = imds.identity_document();
  if (!doc.ok()) return reading("the instance identity document", doc.error());
  auto sig = imds.identity_signature();
  if (!sig.ok()) return reading("the instance identity signature", sig.error());
  Ec2Identity out;
  out.identity.document = doc->text;
  out.identity.signature = *sig;
  out.instance_id = doc->instance_id;
  out.region = doc->region;
  auto local = imds.get("meta-data/local-ipv4");
  if (local.ok())
    out.private_ip = trimmed(*local);
  else if (!local.error().is(config::kMetadataNotFound))
    return reading("local-ipv4", local.error());
  else
    out.private_ip = doc->private_ip;
  auto pub = imds.get("meta-data/public-ipv4");
  if (pub.ok())
    out.public_ip = trimmed(*pub);
  else if (!pub.error().is(config::kMetadataNotFound))
    return reading("public-ipv4", pub.error());
  return out;
}

Result<config::ServiceConfig> agent_opsworks_service(const registration::PreconfigValues& preconfig,
                                                     config::InstanceMetadataClient& imds) {
  if (!registration::preconfig_text(preconfig, "access_key_id").empty() ||
      !registration::preconfig_text(preconfig, "secret_access_key").empty())
    return opsworks_service(preconfig);
  auto role = imds.role_credentials();
  if (!role.ok())
    return aws::make_error("NoCredentials",
                           "the preconfig holds no access key and the instance profile gave no "
                           "credentials (" +
                               role.error().code + ": " + role.error().message + ")",
                           0);
  return opsworks_service(preconfig, role->credentials);
}

std::function<Result<aws::Credentials>()> instance_profile_credentials(
    config::MetadataOptions options) {
  return [options]() -> Result<aws::Credentials> {
    config::InstanceMetadataClient imds(options);
    auto role = imds.role_credentials();
    if (!role.ok()) return role.error();
    return role->credentials;
  };
}

}  // namespace opsreg::agent
