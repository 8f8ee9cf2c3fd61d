// Registered instances: RegisterInstance (hostname rules, EC2 vs on-premises from the identity
// document), Assign/Unassign to layers, Deregister, and lookups by stack and layer.
#include <algorithm>
#include <cctype>

#include "core/util/json_bounded.h"
#include "mocks/opsworks/model.h"
#include "mocks/opsworks/mount_points.h"

namespace opsreg::mocks::opsworks {

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Linux host names: at most 63 of [A-Za-z0-9-], not starting or ending with '-'.
Status check_hostname(const std::string& h) {
  bool chars_ok = std::all_of(h.begin(), h.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
  });
  if (h.empty() || h.size() > 63 || !chars_ok || h.front() == '-' || h.back() == '-')
    return invalid("Invalid hostname: " + h +
                   ". Host names can have at most 63 characters: letters, digits and '-', "
                   "not starting or ending with '-'");
  return {};
}

}  // namespace

// Our model: the stack's HostnameTheme names the instance. Layer_Dependent (the default)
// gives "instance-N" (a registered instance has no layer yet); any other theme gives the
// theme in lower case with dashes, "-N" (e.g. "baked-goods-1"); N is the smallest free number.
std::string OpsWorksModel::generated_hostname(const Stack& stack) const {
  std::string base =
      stack.hostname_theme == "Layer_Dependent" ? "instance" : lower(stack.hostname_theme);
  std::replace(base.begin(), base.end(), '_', '-');
  for (int n = 1;; ++n) {
    std::string candidate = base + "-" + std::to_string(n);
    bool taken = std::any_of(instances_.begin(), instances_.end(), [&](const Instance& i) {
      return i.stack_id == stack.stack_id && lower(i.hostname) == candidate;
    });
    if (!taken) return candidate;
  }
}

Result<Instance> OpsWorksModel::register_instance(const RegistrationSpec& spec) {
  std::lock_guard lock(mu_);
  const Stack* stack = find_stack(spec.stack_id);
  if (!stack) return not_found("stack", spec.stack_id);
  Instance inst;
  inst.hostname = spec.hostname ? *spec.hostname : generated_hostname(*stack);
  if (Status s = check_hostname(inst.hostname); !s.ok()) return s.error();
  for (const auto& other : instances_)
    if (other.stack_id == spec.stack_id && lower(other.hostname) == lower(inst.hostname))
      return invalid("Hostname " + inst.hostname + " is already in use in stack " + spec.stack_id +
                     ". Hostnames must be unique within a stack");

  inst.infrastructure_class = "on-premises";
  if (spec.identity_document) {
    auto doc = parse_json_bounded(*spec.identity_document);
    if (doc.is_discarded() || !doc.is_object())
      return invalid("InstanceIdentity.Document is not a valid instance identity document");
    if (doc.contains("instanceId") && doc["instanceId"].is_string() &&
        !doc["instanceId"].get<std::string>().empty()) {
      inst.infrastructure_class = "ec2";
      inst.ec2_instance_id = doc["instanceId"];
      inst.availability_zone = doc.value("availabilityZone", "");
      inst.instance_type = doc.value("instanceType", "");
      inst.architecture = doc.value("architecture", "");
      for (const auto& other : instances_)
        if (other.ec2_instance_id == inst.ec2_instance_id)
          return invalid("EC2 instance " + inst.ec2_instance_id +
                         " is already registered with stack " + other.stack_id);
    }
  }
  inst.instance_id = ids_.uuid();
  inst.stack_id = stack->stack_id;
  inst.arn = arn(stack->region, "instance", inst.instance_id);
  inst.status = "registered";
  inst.registered = true;
  inst.registered_by = spec.registered_by;
  inst.public_ip = spec.public_ip;
  inst.private_ip = spec.private_ip;
  inst.created_at = clock_.now();
  inst.last_contact = inst.created_at;  // the agent's first contact
  inst.os = stack->default_os;
  inst.rsa_public_key = spec.rsa_public_key;
  inst.rsa_public_key_fingerprint = spec.rsa_public_key_fingerprint;
  instances_.push_back(inst);
  return inst;
}

Result<Instance> OpsWorksModel::instance(std::string_view instance_id) const {
  std::lock_guard lock(mu_);
  for (const auto& i : instances_)
    if (i.instance_id == instance_id) return as_read(i);
  return not_found("instance", instance_id);
}

Result<std::vector<Instance>> OpsWorksModel::instances_of_stack(std::string_view stack_id) const {
  std::lock_guard lock(mu_);
  if (!find_stack(stack_id)) return not_found("stack", stack_id);
  std::vector<Instance> out;
  for (const auto& i : instances_)
    if (i.stack_id == stack_id) out.push_back(as_read(i));
  return out;
}

Result<std::vector<Instance>> OpsWorksModel::instances_of_layer(std::string_view layer_id) const {
  std::lock_guard lock(mu_);
  if (!find_layer(layer_id)) return not_found("layer", layer_id);
  std::vector<Instance> out;
  for (const auto& i : instances_)
    if (std::find(i.layer_ids.begin(), i.layer_ids.end(), layer_id) != i.layer_ids.end())
      out.push_back(as_read(i));
  return out;
}

// Our model of the status: assigning does not move a registered instance on by itself (the
// real service then runs Setup through the instance's agent, which is what moves it to
// running_setup and online); the simulated agent does that through set_instance_status.
// Assigning to more layers adds them to those the instance already has.
Status OpsWorksModel::assign_instance(std::string_view instance_id,
                                      const std::vector<std::string>& layer_ids) {
  std::lock_guard lock(mu_);
  Instance* inst = find_instance(instance_id);
  if (!inst) return not_found("instance", instance_id);
  if (!inst->registered)
    return invalid("AssignInstance works only with registered instances; instance " +
                   inst->instance_id + " was created by OpsWorks Stacks");
  if (layer_ids.empty()) return invalid("Please provide at least one layer ID");
  for (const auto& id : layer_ids) {
    const Layer* l = find_layer(id);
    if (!l) return not_found("layer", id);
    if (l->stack_id != inst->stack_id)
      return invalid("Layer " + id + " belongs to stack " + l->stack_id + ", not to stack " +
                     inst->stack_id + " of instance " + inst->instance_id);
    if (inst->infrastructure_class == "ec2" && l->type != "custom")
      return invalid(
          "Registered Amazon EC2 instances can be assigned only to custom layers; "
          "layer " +
          id + " is a " + l->type + " layer");
  }
  for (const auto& id : layer_ids)
    if (std::find(inst->layer_ids.begin(), inst->layer_ids.end(), id) == inst->layer_ids.end())
      inst->layer_ids.push_back(id);
  // The real service then runs Setup on the instance asynchronously, so AssignInstance itself
  // succeeds; a registered volume on a mount point that a new layer reserves fails that setup.
  auto clashes = clashes_of_registered_volumes_locked(*inst);
  if (!clashes.empty()) {
    inst->status = "setup_failed";
    record_service_error_locked(
        *inst, "setup",
        clash_message(clashes,
                      "The instance's setup in its layers failed; move the volume to another "
                      "mount point (UpdateVolume) or unassign the instance"));
  }
  return {};
}

// The instance stays in the stack, unassigned; its status is left as it is.
Status OpsWorksModel::unassign_instance(std::string_view instance_id) {
  std::lock_guard lock(mu_);
  Instance* inst = find_instance(instance_id);
  if (!inst) return not_found("instance", instance_id);
  if (!inst->registered)
    return invalid("UnassignInstance works only with registered instances; instance " +
                   inst->instance_id + " was created by OpsWorks Stacks");
  inst->layer_ids.clear();
  return {};
}

Status OpsWorksModel::deregister_instance(std::string_view instance_id) {
  std::lock_guard lock(mu_);
  if (!find_instance(instance_id)) return not_found("instance", instance_id);
  std::erase_if(instances_, [&](const Instance& i) { return i.instance_id == instance_id; });
  // Its volumes and Elastic IPs stay registered with the stack, detached.
  for (Volume& v : volumes_)
    if (v.instance_id == instance_id) v.instance_id.clear();
  for (ElasticIp& e : elastic_ips_)
    if (e.instance_id == instance_id) e.instance_id.clear();
  return {};
}

Status OpsWorksModel::set_instance_status(std::string_view instance_id, std::string status) {
  std::lock_guard lock(mu_);
  Instance* inst = find_instance(instance_id);
  if (!inst) return not_found("instance", instance_id);
  inst->status = std::move(status);
  return {};
}

}  // namespace opsreg::mocks::opsworks
