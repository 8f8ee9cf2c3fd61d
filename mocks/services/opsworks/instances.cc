// RegisterInstance, DescribeInstances, AssignInstance, UnassignInstance, DeregisterInstance
// and DescribeCommands (always empty: the fake runs no commands).
#include <set>

#include "core/agent/rsa_key.h"
#include "mocks/ec2/identity.h"
#include "mocks/opsworks/render.h"
#include "mocks/services/json_service.h"
#include "mocks/services/opsworks/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::opsworks {

namespace ji = json_input;

namespace {

// The instance's stack, authorized for `action`.
Result<std::string> authorize_on_instance(CallContext& ctx, std::string_view action,
                                          const std::string& instance_id) {
  auto stack_id = ctx.world().opsworks().stack_of_instance(instance_id);
  if (!stack_id.ok()) return stack_id.error();
  if (Status s = authorize_on_stack(ctx, action, *stack_id); !s.ok()) return s.error();
  return *stack_id;
}

Json render(const std::vector<Instance>& instances) {
  Json out = Json::array();
  for (const Instance& i : instances) out.push_back(to_json(i));
  return out;
}

Result<Json> register_instance(const Json& in, CallContext& ctx) {
  RegistrationSpec spec;
  auto stack_id = ji::required_string(in, "StackId");
  if (!stack_id.ok()) return stack_id.error();
  spec.stack_id = *stack_id;
  auto hostname = ji::optional_string(in, "Hostname");
  if (!hostname.ok()) return hostname.error();
  spec.hostname = *hostname;
  for (auto [name, field] : {std::pair{"PublicIp", &spec.public_ip},
                             {"PrivateIp", &spec.private_ip},
                             {"RsaPublicKey", &spec.rsa_public_key},
                             {"RsaPublicKeyFingerprint", &spec.rsa_public_key_fingerprint}}) {
    auto v = ji::optional_string(in, name);
    if (!v.ok()) return v.error();
    if (*v) *field = **v;
  }
  auto identity = ji::optional_object(in, "InstanceIdentity");
  if (!identity.ok()) return identity.error();
  if (*identity) {
    auto doc = ji::optional_string(**identity, "Document");
    auto sig = ji::optional_string(**identity, "Signature");
    if (!doc.ok()) return doc.error();
    if (!sig.ok()) return sig.error();
    spec.identity_document = *doc;
    spec.identity_signature = sig->value_or("");
  }
  spec.registered_by = ctx.caller().principal.arn;
  if (Status s = authorize_on_stack(ctx, "opsworks:RegisterInstance", spec.stack_id); !s.ok())
    return s.error();
  // The key encrypts the service's messages to the agent: it must be an RSA public key in PEM
  // ("-----BEGIN PUBLIC KEY-----", as the agent sends it); an identity is a document with its
  // signature, both as the instance metadata service serves them.
  if (!spec.rsa_public_key.empty() && !agent::public_key_fingerprint(spec.rsa_public_key).ok())
    return invalid(
        "RsaPublicKey is not a PEM-encoded RSA public key (-----BEGIN PUBLIC KEY----- ... "
        "-----END PUBLIC KEY-----)");
  if (*identity && (!spec.identity_document || spec.identity_document->empty() ||
                    spec.identity_signature.empty()))
    return invalid("InstanceIdentity must have both a Document and its Signature");
  if (spec.identity_document) {
    // An EC2 instance proves itself with the document and signature its IMDS served.
    if (Status s = ec2::verify_identity_document(*spec.identity_document, spec.identity_signature);
        !s.ok())
      return aws::make_error("ValidationException",
                             "InstanceIdentity could not be validated: the Signature is not "
                             "Amazon EC2's signature of the Document. Send the document and "
                             "signature exactly as the instance metadata service serves them "
                             "(dynamic/instance-identity/document and /signature)",
                             400);
  }
  Result<Instance> inst = ctx.world().opsworks().register_instance(spec);
  if (!inst.ok()) return inst.error();
  return Json{{"InstanceId", inst->instance_id}};
}

// Exactly one of StackId, LayerId and InstanceIds (the service refuses none as well as more).
Result<Json> describe_instances(const Json& in, CallContext& ctx) {
  auto stack_id = ji::optional_string(in, "StackId");
  if (!stack_id.ok()) return stack_id.error();
  auto layer_id = ji::optional_string(in, "LayerId");
  if (!layer_id.ok()) return layer_id.error();
  auto ids = ji::optional_string_list(in, "InstanceIds");
  if (!ids.ok()) return ids.error();
  bool has_ids = *ids && !(*ids)->empty();
  if (int(stack_id->has_value()) + int(layer_id->has_value()) + int(has_ids) != 1)
    return invalid(
        "Please provide either one or more instance IDs or one stack ID or one "
        "layer ID");
  OpsWorksModel& model = ctx.world().opsworks();
  if (*stack_id) {
    if (Status s = authorize_on_stack(ctx, "opsworks:DescribeInstances", **stack_id); !s.ok())
      return s.error();
    auto list = model.instances_of_stack(**stack_id);
    if (!list.ok()) return list.error();
    return Json{{"Instances", render(*list)}};
  }
  if (*layer_id) {
    auto stack_of_layer = model.stack_of_layer(**layer_id);
    if (!stack_of_layer.ok()) return stack_of_layer.error();
    if (Status s = authorize_on_stack(ctx, "opsworks:DescribeInstances", *stack_of_layer); !s.ok())
      return s.error();
    auto list = model.instances_of_layer(**layer_id);
    if (!list.ok()) return list.error();
    return Json{{"Instances", render(*list)}};
  }
  std::vector<Instance> list;
  std::set<std::string> authorized;
  for (const std::string& id : **ids) {
    Result<Instance> inst = model.instance(id);
    if (!inst.ok()) return inst.error();
    if (authorized.insert(inst->stack_id).second) {
      if (Status s = authorize_on_stack(ctx, "opsworks:DescribeInstances", inst->stack_id); !s.ok())
        return s.error();
    }
    list.push_back(*inst);
  }
  return Json{{"Instances", render(list)}};
}

Result<Json> assign_instance(const Json& in, CallContext& ctx) {
  auto id = ji::required_string(in, "InstanceId");
  if (!id.ok()) return id.error();
  auto layer_ids = ji::required_string_list(in, "LayerIds");
  if (!layer_ids.ok()) return layer_ids.error();
  if (auto s = authorize_on_instance(ctx, "opsworks:AssignInstance", *id); !s.ok())
    return s.error();
  if (Status s = ctx.world().opsworks().assign_instance(*id, *layer_ids); !s.ok()) return s.error();
  return Json::object();
}

Result<Json> unassign_instance(const Json& in, CallContext& ctx) {
  auto id = ji::required_string(in, "InstanceId");
  if (!id.ok()) return id.error();
  if (auto s = authorize_on_instance(ctx, "opsworks:UnassignInstance", *id); !s.ok())
    return s.error();
  if (Status s = ctx.world().opsworks().unassign_instance(*id); !s.ok()) return s.error();
  return Json::object();
}

Result<Json> deregister_instance(const Json& in, CallContext& ctx) {
  auto id = ji::required_string(in, "InstanceId");
  if (!id.ok()) return id.error();
  if (auto s = authorize_on_instance(ctx, "opsworks:DeregisterInstance", *id); !s.ok())
    return s.error();
  if (Status s = ctx.world().opsworks().deregister_instance(*id); !s.ok()) return s.error();
  return Json::object();
}

// The fake runs no commands or deployments: a known instance has none.
Result<Json> describe_commands(const Json& in, CallContext& ctx) {
  auto deployment_id = ji::optional_string(in, "DeploymentId");
  if (!deployment_id.ok()) return deployment_id.error();
  auto instance_id = ji::optional_string(in, "InstanceId");
  if (!instance_id.ok()) return instance_id.error();
  auto command_ids = ji::optional_string_list(in, "CommandIds");
  if (!command_ids.ok()) return command_ids.error();
  bool has_commands = *command_ids && !(*command_ids)->empty();
  if (int(deployment_id->has_value()) + int(instance_id->has_value()) + int(has_commands) != 1)
    return invalid(
        "Please provide either one or more command IDs or one deployment ID or one "
        "instance ID");
  if (*deployment_id) return not_found("deployment", **deployment_id);
  if (has_commands) return not_found("command", (*command_ids)->front());
  if (auto s = authorize_on_instance(ctx, "opsworks:DescribeCommands", **instance_id); !s.ok())
    return s.error();
  return Json{{"Commands", Json::array()}};
}

}  // namespace

void add_instance_operations(JsonOperations& ops) {
  ops.add("RegisterInstance", register_instance);
  ops.add("DescribeInstances", describe_instances);
  ops.add("AssignInstance", assign_instance);
  ops.add("UnassignInstance", unassign_instance);
  ops.add("DeregisterInstance", deregister_instance);
  ops.add("DescribeCommands", describe_commands);
}

}  // namespace opsreg::mocks::opsworks
