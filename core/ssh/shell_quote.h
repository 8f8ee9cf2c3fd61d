// Quoting for POSIX sh: single-quote words so a remote `/bin/sh -c` sees them verbatim.
// Used to send the registration script through ssh, which joins its arguments with spaces.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace opsreg::ssh {

// 'word' with every ' written as '\'' ; words made only of safe characters
// ([A-Za-z0-9_@%+=:,./-]) are returned unchanged; the empty word is ''.
std::string shell_quote(std::string_view word);
// Each word quoted, joined with single spaces.
std::string shell_join(const std::vector<std::string>& words);
// "/bin/sh -c '<script>'": the remote command line that runs `script` with sh.
std::string sh_c_command(std::string_view script);

}  // namespace opsreg::ssh
