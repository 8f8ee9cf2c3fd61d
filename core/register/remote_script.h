// The POSIX sh script `register` runs on the target (docs/register.md, step 8): fetch and
// unpack the agent installer, write its preconfig, run boot-registration as root, clean up.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.h"

namespace opsreg::registration {

struct RemoteScriptInput {
  std::string agent_installer_url;     // DescribeStackProvisioningParameters.AgentInstallerUrl
  std::string preconfig;               // render_preconfig(...): holds the secret key
  std::string assets_download_bucket;  // Parameters["assets_download_bucket"]
};

// The script, as the AWS CLI's REMOTE_SCRIPT with three deliberate differences (each keeps
// the reference's behaviour on an ordinary host): the temporary directory is made under
// ${TMPDIR:-/tmp} (a fake host's own tmp), the preconfig here-document is quoted (no shell
// expansion of the values), and boot-registration's exit status is the script's (the
// reference exits with `rm`'s, hiding an agent failure). The URL and bucket are shell-quoted
// (unchanged when they hold only safe characters). The text holds the secret: never log it.
std::string render_remote_script(const RemoteScriptInput& input);

// The same script with the preconfig's secret_access_key value replaced, for --debug.
std::string redacted_script(const RemoteScriptInput& input);

// argv of the local command that runs `script` on `address` as the reference does:
// ssh -tt [-l USER] [-i KEY] ADDRESS "/bin/sh -c '<script>'" — or, with --override-ssh,
// the words of that command (split as shlex.split does) plus the same last argument.
// Errors: "UsageError" when the override command cannot be split (unbalanced quotes).
Result<std::vector<std::string>> ssh_argv(std::string_view override_ssh, std::string_view user,
                                          std::string_view private_key, std::string_view address,
                                          std::string_view script);

// Splits a command line into words as Python's shlex.split (POSIX mode): whitespace
// separates, '...' is literal, "..." honours only \\ and \", a backslash outside quotes
// escapes any next character, '#' starts no comment. Errors: "No closing quotation",
// "No escaped character".
Result<std::vector<std::string>> split_words(std::string_view line);

}  // namespace opsreg::registration
