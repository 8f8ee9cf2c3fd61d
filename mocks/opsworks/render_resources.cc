// Rendering of registered volumes, Elastic IPs and service errors in the API's JSON shapes.
#include "mocks/opsworks/render_resources.h"

#include "mocks/opsworks/render.h"

namespace opsreg::mocks::opsworks {

namespace {
void put_if(nlohmann::json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}
}  // namespace

nlohmann::json to_json(const Volume& v) {
  nlohmann::json j = {{"VolumeId", v.volume_id},
                      {"Ec2VolumeId", v.ec2_volume_id},
                      {"Status", v.instance_id.empty() ? "available" : "in-use"},
                      {"Size", v.size}};
  put_if(j, "Name", v.name);
  put_if(j, "InstanceId", v.instance_id);
  put_if(j, "Device", v.device);
  put_if(j, "MountPoint", v.mount_point);
  put_if(j, "Region", v.region);
  put_if(j, "AvailabilityZone", v.availability_zone);
  put_if(j, "VolumeType", v.volume_type);
  return j;
}

nlohmann::json to_json(const ElasticIp& e) {
  nlohmann::json j = {{"Ip", e.ip}, {"Domain", e.domain}};
  put_if(j, "Name", e.name);
  put_if(j, "Region", e.region);
  put_if(j, "InstanceId", e.instance_id);
  return j;
}

nlohmann::json to_json(const ServiceError& e) {
  return {{"ServiceErrorId", e.service_error_id},
          {"StackId", e.stack_id},
          {"InstanceId", e.instance_id},
          {"Type", e.type},
          {"Message", e.message},
          {"CreatedAt", format_datetime(e.created_at)}};
}

}  // namespace opsreg::mocks::opsworks
