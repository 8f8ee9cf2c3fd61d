// OpsWorks Stacks state: stacks, layers, instances of one world. (Skeleton: filled in by the
// OpsWorks work.)
#pragma once

#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "core/clock/clock.h"
#include "core/util/result.h"
#include "mocks/world/id_source.h"

namespace opsreg::mocks::opsworks {

class OpsWorksModel {
 public:
  OpsWorksModel(std::string account_id, const Clock& clock, IdSource& ids)
      : account_id_(std::move(account_id)), clock_(clock), ids_(ids) {}
  // Loads the world file's "stacks" array.
  Status load(const nlohmann::json& stacks);
  nlohmann::json snapshot() const;

 private:
  std::string account_id_;
  const Clock& clock_;
  IdSource& ids_;
  mutable std::mutex mu_;
};

}  // namespace opsreg::mocks::opsworks
