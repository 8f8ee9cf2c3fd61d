// EC2 error values: codes, messages and HTTP statuses as EC2 returns them (declared and
// documented in errors.h).
#include "mocks/ec2/errors.h"

namespace opsreg::mocks::ec2 {

aws::Error invalid_parameter_value(const std::string& message) {
  return aws::make_error("InvalidParameterValue", message, 400);
}

aws::Error invalid_filter(const std::string& name) {
  return invalid_parameter_value("The filter '" + name + "' is invalid");
}

aws::Error malformed_id(const std::string& code, const std::string& id,
                        const std::string& expecting) {
  return aws::make_error(code,
                         "Invalid id: \"" + id + "\"" +
                             (expecting.empty() ? "" : " (expecting \"" + expecting + "\")"),
                         400);
}

aws::Error ids_not_found(const std::string& code, const std::string& one, const std::string& many,
                         const std::vector<std::string>& missing, const std::string& tail) {
  std::string list;
  for (const auto& id : missing) list += (list.empty() ? "" : ", ") + id;
  if (missing.size() == 1)
    return aws::make_error(code, "The " + one + " '" + list + "' does not exist" + tail, 400);
  return aws::make_error(code, "The " + many + " '" + list + "' do not exist" + tail, 400);
}

aws::Error address_not_found(const std::string& public_ip) {
  return aws::make_error("InvalidAddress.NotFound", "Address '" + public_ip + "' not found.", 400);
}

}  // namespace opsreg::mocks::ec2
