// OpsWorks layers on the wire: CreateLayer (with its VolumeConfigurations checked as the
// service checks them), DescribeLayers and DeleteLayer.
#include "mocks/opsworks/render.h"
#include "mocks/services/json_service.h"
#include "mocks/services/opsworks/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::opsworks {

namespace ji = json_input;

namespace {

Result<LayerSpec> read_layer_spec(const Json& in) {
  LayerSpec spec;
  for (auto [name, field] : {std::pair{"StackId", &spec.stack_id},
                             {"Type", &spec.type},
                             {"Name", &spec.name},
                             {"Shortname", &spec.shortname}}) {
    auto v = ji::required_string(in, name);
    if (!v.ok()) return v.error();
    *field = *v;
  }
  for (auto [name, field] :
       {std::pair{"CustomInstanceProfileArn", &spec.custom_instance_profile_arn},
        {"CustomJson", &spec.custom_json}}) {
    auto v = ji::optional_string(in, name);
    if (!v.ok()) return v.error();
    if (*v) *field = **v;
  }
  for (auto [name, field] : {std::pair{"CustomSecurityGroupIds", &spec.custom_security_group_ids},
                             {"Packages", &spec.packages}}) {
    auto v = ji::optional_string_list(in, name);
    if (!v.ok()) return v.error();
    if (*v) *field = **v;
  }
  for (auto [name, field] : {std::pair{"EnableAutoHealing", &spec.enable_auto_healing},
                             {"AutoAssignElasticIps", &spec.auto_assign_elastic_ips},
                             {"AutoAssignPublicIps", &spec.auto_assign_public_ips},
                             {"InstallUpdatesOnBoot", &spec.install_updates_on_boot},
                             {"UseEbsOptimizedInstances", &spec.use_ebs_optimized_instances}}) {
    auto v = ji::optional_bool(in, name);
    if (!v.ok()) return v.error();
    *field = *v;
  }
  for (auto [name, field] :
       {std::pair{"CloudWatchLogsConfiguration", &spec.cloud_watch_logs_configuration},
        {"CustomRecipes", &spec.custom_recipes},
        {"LifecycleEventConfiguration", &spec.lifecycle_event_configuration}}) {
    auto v = ji::optional_object(in, name);
    if (!v.ok()) return v.error();
    *field = *v;
  }
  auto attributes = ji::optional_string_map(in, "Attributes");
  if (!attributes.ok()) return attributes.error();
  if (*attributes) spec.attributes = **attributes;
  auto volumes = ji::optional_array(in, "VolumeConfigurations");
  if (!volumes.ok()) return volumes.error();
  if (*volumes) spec.volume_configurations = **volumes;
  return spec;
}

Result<Json> create_layer(const Json& in, CallContext& ctx) {
  Result<LayerSpec> spec = read_layer_spec(in);
  if (!spec.ok()) return spec.error();
  if (Status s = authorize_on_stack(ctx, "opsworks:CreateLayer", spec->stack_id); !s.ok())
    return s.error();
  Result<Layer> layer = ctx.world().opsworks().create_layer(*spec);
  if (!layer.ok()) return layer.error();
  return Json{{"LayerId", layer->layer_id}};
}

// One resource-identifying parameter. Given both, the service has been seen to answer with
// every layer of the stack (LayerIds ignored); we do the same.
Result<Json> describe_layers(const Json& in, CallContext& ctx) {
  auto stack_id = ji::optional_string(in, "StackId");
  if (!stack_id.ok()) return stack_id.error();
  auto layer_ids = ji::optional_string_list(in, "LayerIds");
  if (!layer_ids.ok()) return layer_ids.error();
  OpsWorksModel& model = ctx.world().opsworks();
  Json out = Json::array();
  if (*stack_id) {
    if (Status s = authorize_on_stack(ctx, "opsworks:DescribeLayers", **stack_id); !s.ok())
      return s.error();
    auto layers = model.layers_of_stack(**stack_id);
    if (!layers.ok()) return layers.error();
    for (const Layer& l : *layers) out.push_back(to_json(l));
    return Json{{"Layers", out}};
  }
  if (!*layer_ids || (*layer_ids)->empty())
    return invalid("Please provide one or more layer IDs or a stack ID");
  for (const std::string& id : **layer_ids) {
    Result<Layer> l = model.layer(id);
    if (!l.ok()) return l.error();
    if (Status s = authorize_on_stack(ctx, "opsworks:DescribeLayers", l->stack_id); !s.ok())
      return s.error();
    out.push_back(to_json(*l));
  }
  return Json{{"Layers", out}};
}

Result<Json> delete_layer(const Json& in, CallContext& ctx) {
  auto id = ji::required_string(in, "LayerId");
  if (!id.ok()) return id.error();
  OpsWorksModel& model = ctx.world().opsworks();
  auto stack_id = model.stack_of_layer(*id);
  if (!stack_id.ok()) return stack_id.error();
  if (Status s = authorize_on_stack(ctx, "opsworks:DeleteLayer", *stack_id); !s.ok())
    return s.error();
  if (Status s = model.delete_layer(*id); !s.ok()) return s.error();
  return Json::object();
}

}  // namespace

void add_layer_operations(JsonOperations& ops) {
  ops.add("CreateLayer", create_layer);
  ops.add("DescribeLayers", describe_layers);
  ops.add("DeleteLayer", delete_layer);
}

}  // namespace opsreg::mocks::opsworks
