// OpsWorks state (skeleton).
#include "mocks/opsworks/model.h"

namespace opsreg::mocks::opsworks {

Status OpsWorksModel::load(const nlohmann::json&) { return {}; }
nlohmann::json OpsWorksModel::snapshot() const {
  (void)clock_;
  (void)ids_;
  return nlohmann::json::object();
}

}  // namespace opsreg::mocks::opsworks
