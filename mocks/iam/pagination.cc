// Marker encoding and MaxItems validation for IAM listings.
#include "mocks/iam/pagination.h"

#include "core/aws/crypto.h"
#include "mocks/iam/errors.h"

namespace opsreg::mocks::iam {

namespace {
constexpr std::string_view kMarkerTag = "opsreg-iam-page:";
}

Status validate_max_items(int max_items) {
  std::string bound;
  if (max_items < 1) bound = "greater than or equal to 1";
  if (max_items > kMaxMaxItems) bound = "less than or equal to " + std::to_string(kMaxMaxItems);
  if (bound.empty()) return {};
  return validation_error("1 validation error detected: Value '" + std::to_string(max_items) +
                          "' at 'maxItems' failed to satisfy constraint: Member must have "
                          "value " +
                          bound);
}

std::string encode_marker(std::string_view key) {
  return aws::base64_encode(std::string(kMarkerTag) + std::string(key));
}

Result<std::string> decode_marker(std::string_view marker) {
  std::string raw;
  if (!aws::base64_decode(marker, &raw) || !raw.starts_with(kMarkerTag))
    return validation_error("Invalid Marker: " + std::string(marker));
  return raw.substr(kMarkerTag.size());
}

}  // namespace opsreg::mocks::iam
