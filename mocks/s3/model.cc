// S3 state (skeleton).
#include "mocks/s3/model.h"

namespace opsreg::mocks::s3 {

Status S3Model::load(const nlohmann::json&) { return {}; }
nlohmann::json S3Model::snapshot() const { return nlohmann::json::object(); }

}  // namespace opsreg::mocks::s3
