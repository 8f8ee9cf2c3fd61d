// The IAM names `aws opsworks register` makes: the stack's group, the instance's user with its
// `+N` alternatives, from names cleaned to IAM's alphabet and shortened (docs/register.md, step 7).
#pragma once

#include <string>
#include <string_view>

namespace opsreg::registration {

inline constexpr std::string_view kIamPath = "/AWS/OpsWorks/";
inline constexpr std::string_view kIamPolicyArn =
    "arn:aws:iam::aws:policy/AWSOpsWorksInstanceRegistration";
inline constexpr std::string_view kIamUserPolicyName = "OpsWorks-Instance";
// How many user names are tried: the base name, then +1 ... +19.
inline constexpr int kUserNameTries = 20;
inline constexpr std::string_view kNoUnusedUserName = "Couldn't find an unused IAM user name.";

// Every run of characters outside [A-Za-z0-9+=,.@_-] becomes one '-' (bytes: a multi-byte
// UTF-8 character is one run, as in the reference's regex over text).
std::string clean_for_iam(std::string_view name);

// `name` when at most `max_length` long; else its first (n-3)/2 + (n-3)%2 characters, "...",
// and its last (n-3)/2 (n = max_length >= 3). shorten_name("abcdefghijkl", 10) == "abcd...jkl".
std::string shorten_name(std::string_view name, size_t max_length);

// "OpsWorks-" + clean_for_iam(stack_id).
std::string group_name(std::string_view stack_id);

// "OpsWorks-" + shorten(clean(stack_name), 25) + "-" + shorten(clean(name_for_iam), 25).
std::string base_user_name(std::string_view stack_name, std::string_view name_for_iam);

// The name of try `attempt` (0-based, < kUserNameTries): the base, then base + "+N".
std::string user_name_attempt(std::string_view base, int attempt);

}  // namespace opsreg::registration
