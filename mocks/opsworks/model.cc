// OpsWorks state: lookups shared by stacks, layers and instances, and the world snapshot
// (each stack with its layers, instances, volumes, Elastic IPs and service errors).
#include "mocks/opsworks/model.h"

#include "mocks/opsworks/render.h"
#include "mocks/opsworks/render_resources.h"

namespace opsreg::mocks::opsworks {

std::string OpsWorksModel::arn(const std::string& region, const std::string& kind,
                               const std::string& id) const {
  return "arn:aws:opsworks:" + region + ":" + account_id_ + ":" + kind + "/" + id;
}

const Stack* OpsWorksModel::find_stack(std::string_view stack_id) const {
  for (const auto& s : stacks_)
    if (s.stack_id == stack_id) return &s;
  return nullptr;
}

const Layer* OpsWorksModel::find_layer(std::string_view layer_id) const {
  for (const auto& l : layers_)
    if (l.layer_id == layer_id) return &l;
  return nullptr;
}

Instance* OpsWorksModel::find_instance(std::string_view instance_id) {
  for (auto& i : instances_)
    if (i.instance_id == instance_id) return &i;
  return nullptr;
}

Result<std::string> OpsWorksModel::stack_of_layer(std::string_view layer_id) const {
  std::lock_guard lock(mu_);
  const Layer* l = find_layer(layer_id);
  if (!l) return not_found("layer", layer_id);
  return l->stack_id;
}

Result<std::string> OpsWorksModel::stack_of_instance(std::string_view instance_id) const {
  std::lock_guard lock(mu_);
  for (const auto& i : instances_)
    if (i.instance_id == instance_id) return i.stack_id;
  return not_found("instance", instance_id);
}

nlohmann::json OpsWorksModel::snapshot() const {
  std::lock_guard lock(mu_);
  nlohmann::json stacks = nlohmann::json::array();
  for (const auto& s : stacks_) {
    nlohmann::json j = to_json(s);
    j["Layers"] = nlohmann::json::array();
    j["Instances"] = nlohmann::json::array();
    for (const auto& l : layers_)
      if (l.stack_id == s.stack_id) j["Layers"].push_back(to_json(l));
    for (const auto& i : instances_) {
      if (i.stack_id != s.stack_id) continue;
      nlohmann::json ij = to_json(as_read(i));
      for (const auto& e : service_errors_)
        if (e.service_error_id == i.last_service_error_id) ij["LastServiceError"] = e.message;
      j["Instances"].push_back(std::move(ij));
    }
    j["Volumes"] = nlohmann::json::array();
    j["ElasticIps"] = nlohmann::json::array();
    j["ServiceErrors"] = nlohmann::json::array();
    for (const auto& v : volumes_)
      if (v.stack_id == s.stack_id) j["Volumes"].push_back(to_json(v));
    for (const auto& e : elastic_ips_)
      if (e.stack_id == s.stack_id) j["ElasticIps"].push_back(to_json(e));
    for (const auto& e : service_errors_)
      if (e.stack_id == s.stack_id) j["ServiceErrors"].push_back(to_json(e));
    stacks.push_back(std::move(j));
  }
  return {{"stacks", stacks}};
}

}  // namespace opsreg::mocks::opsworks
