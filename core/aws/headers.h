// HTTP header lists as AWS code handles them: ordered name/value pairs, names compared
// without regard to case.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace opsreg::aws {

using Headers = std::vector<std::pair<std::string, std::string>>;

bool iequals(std::string_view a, std::string_view b);
// First value of `name`, or empty when absent.
std::string_view find_header(const Headers& headers, std::string_view name);

}  // namespace opsreg::aws
