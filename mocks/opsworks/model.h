// OpsWorks Stacks state and rules: stacks, layers and registered instances of one world.
// Wire-free (mocks/services/opsworks reads and renders the JSON); every method is thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock/clock.h"
#include "core/util/result.h"
#include "mocks/base/id_source.h"
#include "mocks/opsworks/entities.h"
#include "mocks/opsworks/errors.h"
#include "mocks/opsworks/resources.h"

namespace opsreg::mocks::opsworks {

class OpsWorksModel {
 public:
  // `region` is the world's region: the default of world-file stacks without one.
  OpsWorksModel(std::string account_id, std::string region, const Clock& clock, IdSource& ids)
      : account_id_(std::move(account_id)), region_(std::move(region)), clock_(clock), ids_(ids) {}
  OpsWorksModel(const OpsWorksModel&) = delete;
  OpsWorksModel& operator=(const OpsWorksModel&) = delete;

  // Loads the world file's "stacks" array (snake_case keys; see world_file.cc). Errors are
  // ValidationError naming the stack or layer.
  Status load(const nlohmann::json& stacks);
  // {"stacks": [each Stack as DescribeStacks renders it, plus "Layers" and "Instances"]}.
  nlohmann::json snapshot() const;

  // Stacks (stacks.cc). create_stack validates as CreateStack does and fills the defaults.
  Result<Stack> create_stack(const StackSpec& spec);
  std::vector<Stack> stacks() const;  // in creation order
  Result<Stack> stack(std::string_view stack_id) const;
  // Refused (ValidationException) while the stack still has layers or instances.
  Status delete_stack(std::string_view stack_id);

  // Layers (layers.cc): at most one layer per built-in type per stack, unique short names.
  Result<Layer> create_layer(const LayerSpec& spec);
  Result<Layer> layer(std::string_view layer_id) const;
  Result<std::vector<Layer>> layers_of_stack(std::string_view stack_id) const;
  // Refused (ValidationException) while instances are assigned to the layer.
  Status delete_layer(std::string_view layer_id);

  // Instances (instances.cc).
  Result<Instance> register_instance(const RegistrationSpec& spec);
  Result<Instance> instance(std::string_view instance_id) const;
  Result<std::vector<Instance>> instances_of_stack(std::string_view stack_id) const;
  Result<std::vector<Instance>> instances_of_layer(std::string_view layer_id) const;
  Status assign_instance(std::string_view instance_id, const std::vector<std::string>& layer_ids);
  Status unassign_instance(std::string_view instance_id);
  Status deregister_instance(std::string_view instance_id);
  // For the simulated agent: moves an instance to `status` (e.g. online, setup_failed).
  Status set_instance_status(std::string_view instance_id, std::string status);

  // Volumes (volumes.cc). Registering takes the EC2 facts of the volume (the caller finds it
  // in the world); a volume is registered with at most one stack (ValidationException). It is
  // attached to the stack's instance running on its EC2 instance, if there is one.
  Result<Volume> register_volume(std::string_view stack_id, const Ec2VolumeFacts& ec2);
  Status deregister_volume(std::string_view volume_id);
  // Name: at most 128 characters. Absent members are left as they are.
  Status update_volume(std::string_view volume_id, const std::optional<std::string>& name,
                       const std::optional<std::string>& mount_point);
  Result<Volume> registered_volume(std::string_view volume_id) const;
  Result<std::vector<Volume>> volumes_of_stack(std::string_view stack_id) const;
  Result<std::vector<Volume>> volumes_of_instance(std::string_view instance_id) const;

  // Elastic IPs (elastic_ips.cc), registered with at most one stack; associated with the
  // stack's instance running on the EC2 instance that holds the address, if there is one.
  Result<ElasticIp> register_elastic_ip(std::string_view stack_id, const Ec2AddressFacts& ec2);
  Status deregister_elastic_ip(std::string_view ip);
  Result<ElasticIp> elastic_ip(std::string_view ip) const;
  Result<std::vector<ElasticIp>> elastic_ips_of_stack(std::string_view stack_id) const;
  Result<std::vector<ElasticIp>> elastic_ips_of_instance(std::string_view instance_id) const;

  // Service errors (service_errors.cc), oldest first.
  Result<ServiceError> service_error(std::string_view service_error_id) const;
  Result<std::vector<ServiceError>> service_errors_of_stack(std::string_view stack_id) const;
  Result<std::vector<ServiceError>> service_errors_of_instance(std::string_view instance_id) const;

  // The agent's initial setup (setup.cc; our model of the agent channel, AgentInitialSetup):
  // the stack's hosts file, the reserved mount point rule over the instance's EC2 volumes
  // (mounted where `mounts` says), then registration of the harmless volumes and of the
  // Elastic IPs. A clash makes the instance setup_failed with a "setup" ServiceError.
  Result<SetupOutcome> initial_setup(std::string_view instance_id,
                                     const std::vector<ReportedMount>& mounts,
                                     const std::vector<Ec2VolumeFacts>& ec2_volumes,
                                     const std::vector<Ec2AddressFacts>& ec2_addresses);
  // "127.0.0.1 localhost", then "PRIVATE_IP HOSTNAME" for each instance of the stack with a
  // private IP, one per line.
  Result<std::string> hosts_file(std::string_view stack_id) const;
  // The agent channel (agent_contact_rule.cc, our model: docs/agent.md). An instance with an
  // agent whose last good contact is older than `missed_contacts` × `interval` reads as
  // "connection_lost" wherever it is read (instance(), instances_of_*, snapshot); its stored
  // status is kept, so a later good contact restores it. Defaults: 1 minute, 3.
  void set_agent_contact_rule(std::chrono::microseconds interval, int missed_contacts);
  // A good contact from the instance's agent at the clock's time; returns the instance as it
  // now reads. ResourceNotFoundException when the instance is unknown.
  Result<Instance> record_agent_contact(std::string_view instance_id);

  // The stack a layer or instance belongs to (ResourceNotFoundException when unknown).
  Result<std::string> stack_of_layer(std::string_view layer_id) const;
  Result<std::string> stack_of_instance(std::string_view instance_id) const;

 private:
  // Callers hold mu_.
  const Stack* find_stack(std::string_view stack_id) const;
  const Layer* find_layer(std::string_view layer_id) const;
  Instance* find_instance(std::string_view instance_id);
  Result<Stack> create_stack_locked(const StackSpec& spec);
  Result<Layer> create_layer_locked(const LayerSpec& spec);
  std::string generated_hostname(const Stack& stack) const;
  std::string arn(const std::string& region, const std::string& kind, const std::string& id) const;
  Result<Volume> register_volume_locked(std::string_view stack_id, const Ec2VolumeFacts& ec2,
                                        std::string mount_point);
  Result<ElasticIp> register_elastic_ip_locked(std::string_view stack_id,
                                               const Ec2AddressFacts& ec2);
  // The instance's registered volumes that have a mount point, checked against its layers.
  std::vector<MountClash> clashes_of_registered_volumes_locked(const Instance& inst) const;
  std::vector<Layer> layers_of_instance_locked(const Instance& inst) const;
  // Records a ServiceError for `inst` and points its LastServiceErrorId at it.
  ServiceError record_service_error_locked(Instance& inst, std::string type, std::string message);
  std::string hosts_file_locked(const std::string& stack_id) const;
  // `inst` as it reads now: its status derived from its last contact (agent_contact_rule.cc).
  Instance as_read(Instance inst) const;

  std::string account_id_;
  std::string region_;
  const Clock& clock_;
  IdSource& ids_;
  mutable std::mutex mu_;
  std::vector<Stack> stacks_;  // creation order, as every Describe lists them
  std::vector<Layer> layers_;
  std::vector<Instance> instances_;
  std::vector<Volume> volumes_;  // registration order
  std::vector<ElasticIp> elastic_ips_;
  std::vector<ServiceError> service_errors_;
  std::chrono::microseconds contact_interval_ = std::chrono::minutes(1);
  int missed_contacts_ = 3;
};

}  // namespace opsreg::mocks::opsworks
