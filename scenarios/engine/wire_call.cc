// The scenario call step's wire: JSON 1.1 for OpsWorks, the query protocol for IAM, STS and EC2,
// REST-XML for S3.
#include "scenarios/engine/wire_call.h"

#include "core/clients/s3_client.h"
#include "core/clients/xml_response.h"

namespace opsreg::scenarios {

namespace {

// Query parameters from a JSON object: lists as NAME.member.N (EC2: NAME.N), objects as
// NAME.KEY, scalars as text.
void flatten(const std::string& prefix, const nlohmann::json& v, bool ec2, aws::Params* out) {
  if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i)
      flatten(prefix + (ec2 ? "." : ".member.") + std::to_string(i + 1), v[i], ec2, out);
  } else if (v.is_object()) {
    for (const auto& [k, x] : v.items()) flatten(prefix + "." + k, x, ec2, out);
  } else {
    out->emplace_back(prefix, v.is_string() ? v.get<std::string>() : v.dump());
  }
}

}  // namespace

Result<nlohmann::json> wire_call(clients::AwsClient& client, const std::string& service,
                                 const std::string& operation, const nlohmann::json& params) {
  if (service == "s3") {
    // Params that do not fit once references are resolved cannot run at all: a bad scenario.
    auto r = clients::S3Client(client).call(operation, params);
    if (!r.ok() && r.error().code == "ParamValidation")
      return aws::make_error("BadScenario", r.error().message, 0);
    return r;
  }
  if (service == "opsworks") return client.call_json("OpsWorks_20130218." + operation, params);
  aws::Params flat;
  for (const auto& [k, v] : params.items()) flatten(k, v, service == "ec2", &flat);
  std::string version = service == "iam"   ? "2010-05-08"
                        : service == "sts" ? "2011-06-15"
                                           : "2016-11-15";
  auto r = client.call_query(operation, version, flat,
                             service == "ec2" ? aws::Protocol::kEc2 : aws::Protocol::kQuery);
  if (!r.ok()) return r.error();
  return clients::xml_members(r->body);
}

}  // namespace opsreg::scenarios
