// Reading the server's time out of a clock-skew error.
#include "core/agent/clock_skew.h"

#include "core/clock/time_format.h"

namespace opsreg::agent {

std::optional<TimePoint> server_time_of(const aws::Error& e) {
  const std::string& m = e.message;
  if (m.find("Signature expired") == std::string::npos &&
      m.find("Signature not yet current") == std::string::npos)
    return std::nullopt;
  size_t open = m.rfind('(');
  if (open == std::string::npos) return std::nullopt;
  size_t end = m.find(' ', open);
  if (end == std::string::npos) return std::nullopt;
  return parse_amz_date(std::string_view(m).substr(open + 1, end - open - 1));
}

}  // namespace opsreg::agent
