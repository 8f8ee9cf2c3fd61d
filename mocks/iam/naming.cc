// IAM name and path validation, with IAM's "N validation errors detected" wording.
#include "mocks/iam/naming.h"

#include <cctype>
#include <vector>

#include "mocks/iam/errors.h"

namespace opsreg::mocks::iam {

namespace {

constexpr char kNamePattern[] = "[\\w+=,.@-]+";
constexpr char kPathPattern[] = "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)";
constexpr char kPathPrefixPattern[] = "\\u002F[\\u0021-\\u007F]*";
constexpr char kPolicyPattern[] = "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";
constexpr size_t kPolicyDocumentMax = 131072;

// Whether `s` is well-formed UTF-8 of the characters kPolicyPattern allows; counts them.
bool policy_chars_ok(std::string_view s, size_t* count) {
  *count = 0;
  for (size_t i = 0; i < s.size(); ++(*count)) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') return false;
      ++i;
      continue;
    }
    // U+0080..U+00FF are the two-byte sequences C2 80..C3 BF; anything else is out.
    if ((b != 0xC2 && b != 0xC3) || i + 1 >= s.size()) return false;
    auto b2 = static_cast<unsigned char>(s[i + 1]);
    if (b2 < 0x80 || b2 > 0xBF) return false;
    i += 2;
  }
  return true;
}

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '+' || c == '=' ||
         c == ',' || c == '.' || c == '@' || c == '-';
}

// Joins constraint failures as IAM does: "N validation error(s) detected: A; B".
Status validation_errors(std::string_view value, std::string_view field,
                         const std::vector<std::string>& failures) {
  if (failures.empty()) return {};
  std::string msg =
      std::to_string(failures.size()) +
      (failures.size() == 1 ? " validation error detected: " : " validation errors detected: ");
  for (size_t i = 0; i < failures.size(); ++i) {
    if (i) msg += "; ";
    msg += "Value '" + std::string(value) + "' at '" + std::string(field) +
           "' failed to satisfy constraint: Member must " + failures[i];
  }
  return validation_error(msg);
}

void check_length(std::string_view value, size_t max_len, std::vector<std::string>& failures) {
  if (value.empty()) failures.push_back("have length greater than or equal to 1");
  if (value.size() > max_len)
    failures.push_back("have length less than or equal to " + std::to_string(max_len));
}

}  // namespace

Status validate_name(std::string_view value, std::string_view field, size_t max_len) {
  std::vector<std::string> failures;
  check_length(value, max_len, failures);
  bool pattern_ok = !value.empty();
  for (char c : value) pattern_ok = pattern_ok && is_name_char(c);
  if (!pattern_ok)
    failures.push_back(std::string("satisfy regular expression pattern: ") + kNamePattern);
  return validation_errors(value, field, failures);
}

Status validate_policy_text(std::string_view document, std::string_view field) {
  size_t count = 0;
  std::vector<std::string> failures;
  if (!policy_chars_ok(document, &count) || document.empty())
    failures.push_back(std::string("satisfy regular expression pattern: ") + kPolicyPattern);
  else if (count > kPolicyDocumentMax)
    failures.push_back("have length less than or equal to " + std::to_string(kPolicyDocumentMax));
  if (failures.empty()) return {};
  return validation_error("1 validation error detected: Value at '" + std::string(field) +
                          "' failed to satisfy constraint: Member must " + failures[0]);
}

Status validate_path(std::string_view value, std::string_view field) {
  std::vector<std::string> failures;
  check_length(value, kPathMax, failures);
  bool pattern_ok = value == "/";
  if (!pattern_ok && value.size() >= 3 && value.front() == '/' && value.back() == '/') {
    pattern_ok = true;
    for (unsigned char c : value.substr(1, value.size() - 2))
      pattern_ok = pattern_ok && c >= 0x21 && c <= 0x7E;
  }
  if (!pattern_ok)
    failures.push_back(std::string("satisfy regular expression pattern: ") + kPathPattern);
  return validation_errors(value, field, failures);
}

Status validate_path_prefix(std::string_view value, std::string_view field) {
  std::vector<std::string> failures;
  check_length(value, kPathMax, failures);
  bool pattern_ok = !value.empty() && value.front() == '/';
  for (unsigned char c : value.substr(value.empty() ? 0 : 1))
    pattern_ok = pattern_ok && c >= 0x21 && c <= 0x7F;
  if (!pattern_ok)
    failures.push_back(std::string("satisfy regular expression pattern: ") + kPathPrefixPattern);
  return validation_errors(value, field, failures);
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool CaseInsensitiveLess::operator()(std::string_view a, std::string_view b) const {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    int ca = std::tolower(static_cast<unsigned char>(a[i]));
    int cb = std::tolower(static_cast<unsigned char>(b[i]));
    if (ca != cb) return ca < cb;
  }
  return a.size() < b.size();
}

std::string user_arn(std::string_view account_id, std::string_view path, std::string_view name) {
  return "arn:aws:iam::" + std::string(account_id) + ":user" + std::string(path) +
         std::string(name);
}

std::string group_arn(std::string_view account_id, std::string_view path, std::string_view name) {
  return "arn:aws:iam::" + std::string(account_id) + ":group" + std::string(path) +
         std::string(name);
}

std::string role_arn(std::string_view account_id, std::string_view path, std::string_view name) {
  return "arn:aws:iam::" + std::string(account_id) + ":role" + std::string(path) +
         std::string(name);
}

std::string instance_profile_arn(std::string_view account_id, std::string_view path,
                                 std::string_view name) {
  return "arn:aws:iam::" + std::string(account_id) + ":instance-profile" + std::string(path) +
         std::string(name);
}

}  // namespace opsreg::mocks::iam
