// The values an OpsWorks instance's Status takes: the fifteen the API model documents
// (fixtures/aws-models/OPSWORKS-NOTES.md, "Instance status values") and "registered", the
// status of a registered instance that the InstanceRegistered waiter waits for. The fake sets
// registered, online, setup_failed and connection_lost; scenarios may expect any of them.
#pragma once

#include <string>
#include <vector>

namespace opsreg::mocks::opsworks {

// Every valid status, in the model's order with "registered" last.
const std::vector<std::string>& instance_statuses();

// Whether `status` is one of them.
bool is_instance_status(const std::string& status);

}  // namespace opsreg::mocks::opsworks
