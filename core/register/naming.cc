// Name cleaning and shortening for the IAM group and user of a registration, as the AWS CLI's
// clean_for_iam and shorten_name do them.
#include "core/register/naming.h"

#include <cctype>

namespace opsreg::registration {

namespace {

bool iam_char(unsigned char c) {
  return (c < 0x80 && std::isalnum(c)) ||
         std::string_view("+=,.@_-").find(c) != std::string_view::npos;
}

}  // namespace

std::string clean_for_iam(std::string_view name) {
  std::string out;
  bool in_run = false;
  for (char ch : name) {
    auto c = static_cast<unsigned char>(ch);
    if (iam_char(c)) {
      out += ch;
      in_run = false;
    } else if (!in_run) {
      out += '-';
      in_run = true;
    }
  }
  return out;
}

std::string shorten_name(std::string_view name, size_t max_length) {
  if (name.size() <= max_length) return std::string(name);
  size_t q = (max_length - 3) / 2, r = (max_length - 3) % 2;
  return std::string(name.substr(0, q + r)) + "..." + std::string(name.substr(name.size() - q));
}

std::string group_name(std::string_view stack_id) { return "OpsWorks-" + clean_for_iam(stack_id); }

std::string base_user_name(std::string_view stack_name, std::string_view name_for_iam) {
  return "OpsWorks-" + shorten_name(clean_for_iam(stack_name), 25) + "-" +
         shorten_name(clean_for_iam(name_for_iam), 25);
}

std::string user_name_attempt(std::string_view base, int attempt) {
  std::string name(base);
  if (attempt > 0) name += "+" + std::to_string(attempt);
  return name;
}

}  // namespace opsreg::registration
