// The agent channel's rule in the OpsWorks model (our model, docs/agent.md): good contacts
// are recorded, and connection_lost is derived from (now, last contact), never stored.
#include "mocks/opsworks/model.h"

namespace opsreg::mocks::opsworks {

void OpsWorksModel::set_agent_contact_rule(std::chrono::microseconds interval,
                                           int missed_contacts) {
  std::lock_guard lock(mu_);
  contact_interval_ = interval;
  missed_contacts_ = missed_contacts;
}

// Derived on every read so that it is right on any clock (virtual or system, however far it
// jumps) without a background thread in the model: the stored status is what the instance
// was before it went silent, which a later good contact brings back as it was.
Instance OpsWorksModel::as_read(Instance inst) const {
  if (inst.last_contact && clock_.now() - *inst.last_contact > contact_interval_ * missed_contacts_)
    inst.status = "connection_lost";
  return inst;
}

Result<Instance> OpsWorksModel::record_agent_contact(std::string_view instance_id) {
  std::lock_guard lock(mu_);
  Instance* inst = find_instance(instance_id);
  if (!inst) return not_found("instance", instance_id);
  inst->last_contact = clock_.now();
  return as_read(*inst);
}

}  // namespace opsreg::mocks::opsworks
