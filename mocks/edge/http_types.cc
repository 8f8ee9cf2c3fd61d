// Request helpers.
#include "mocks/edge/http_types.h"

namespace opsreg::mocks {

std::string_view Request::header(std::string_view name) const {
  return aws::find_header(headers, name);
}

aws::SignableRequest Request::signable() const {
  return aws::SignableRequest{method, path, query, headers, body};
}

}  // namespace opsreg::mocks
