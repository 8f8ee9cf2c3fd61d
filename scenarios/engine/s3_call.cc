// A scenario's S3 call checked against the S3 client's operations, references deferred.
#include "scenarios/engine/s3_call.h"

#include "core/clients/s3_wire.h"
#include "core/util/nearest.h"

namespace opsreg::scenarios {

Status check_s3_call(const std::string& operation, const nlohmann::json& params) {
  if (!clients::is_s3_operation(operation)) {
    const auto names = clients::s3_operation_names();
    std::vector<std::string> known(names.begin(), names.end());
    return aws::make_error("BadScenario",
                           "S3 operation " + operation +
                               " is not supported by the scenario call step" +
                               did_you_mean(operation, known) + "; supported: " + join_words(known),
                           0);
  }
  Status checked = clients::check_s3_params(operation, params, [](const nlohmann::json& v) {
    return v.is_string() && v.get<std::string>().starts_with("$");  // a "$NAME.Member" reference
  });
  if (!checked.ok()) return aws::make_error("BadScenario", checked.error().message, 0);
  return {};
}

}  // namespace opsreg::scenarios
