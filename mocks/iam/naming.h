// IAM's name and path rules (names of users, groups, roles, instance profiles, policies; paths)
// with IAM's ValidationError wording, and the case-insensitive ordering IAM names are unique in.
#pragma once

#include <string>
#include <string_view>

#include "core/util/result.h"

namespace opsreg::mocks::iam {

// Maximum name lengths from the IAM API reference (userNameType, groupNameType, ...).
inline constexpr size_t kUserNameMax = 64;
inline constexpr size_t kExistingUserNameMax = 128;  // existingUserNameType (lookups)
inline constexpr size_t kGroupNameMax = 128;
inline constexpr size_t kPolicyNameMax = 128;
inline constexpr size_t kRoleNameMax = 64;
inline constexpr size_t kInstanceProfileNameMax = 128;
inline constexpr size_t kPathMax = 512;

// `value` must match [\w+=,.@-]+ and be 1..max_len characters. `field` is the wire member in
// lowerCamelCase as IAM quotes it ("userName", "groupName", "policyName").
// Error: ValidationError "1 validation error detected: Value 'x' at 'userName' failed to
// satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]+".
Status validate_name(std::string_view value, std::string_view field, size_t max_len);

// `value` must be "/" or "/.../" with characters U+0021..U+007E, 1..512 long (pathType).
Status validate_path(std::string_view value, std::string_view field = "path");
// PathPrefix of List* calls: "/" followed by U+0021..U+007F, 1..512 long (pathPrefixType).
Status validate_path_prefix(std::string_view value, std::string_view field = "pathPrefix");

// A policy document's text (policyDocumentType): UTF-8 of tab, LF, CR and U+0020..U+00FF only,
// 1..131072 characters. Invalid UTF-8 or a character beyond U+00FF is ValidationError "1
// validation error detected: Value at 'policyDocument' failed to satisfy constraint: Member
// must satisfy regular expression pattern: [\u0009\u000A\u000D\u0020-\u00FF]+" (the value
// is not quoted back: it may be large and is not valid text).
Status validate_policy_text(std::string_view document, std::string_view field);

// ASCII lower-case copy.
std::string to_lower(std::string_view s);

// Orders strings ignoring ASCII case: maps keyed by it make IAM names unique
// case-insensitively ("Alice" and "alice" are one key) while keeping the name as given.
struct CaseInsensitiveLess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const;
};

// arn:aws:iam::ACCOUNT:user/PATH/NAME (path "/" gives user/NAME).
std::string user_arn(std::string_view account_id, std::string_view path, std::string_view name);
std::string group_arn(std::string_view account_id, std::string_view path, std::string_view name);
std::string role_arn(std::string_view account_id, std::string_view path, std::string_view name);
std::string instance_profile_arn(std::string_view account_id, std::string_view path,
                                 std::string_view name);

}  // namespace opsreg::mocks::iam
