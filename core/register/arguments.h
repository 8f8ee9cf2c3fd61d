// The command line of `opsreg register`: the flags of `aws opsworks register`, the AWS CLI
// globals we honour, opsreg's own (--mock, --ssh-config), and the usage checks
// (docs/register.md §1).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.h"

namespace opsreg::registration {

// The error code every usage error carries (the CLI exits 2 on it).
inline constexpr std::string_view kUsageError = "UsageError";

struct Arguments {
  // `aws opsworks register` flags.
  std::string stack_id;                            // --stack-id (required)
  std::string infrastructure_class;                // --infrastructure-class ec2|on-premises
  std::optional<std::string> override_hostname;    // --override-hostname
  std::optional<std::string> override_private_ip;  // --override-private-ip
  std::optional<std::string> override_public_ip;   // --override-public-ip
  std::optional<std::string> override_ssh;         // --override-ssh "CMD"
  std::optional<std::string> ssh_username;         // --ssh-username
  std::optional<std::string> ssh_private_key;      // --ssh-private-key
  bool local = false;                              // --local
  bool use_instance_profile = false;               // --use-instance-profile
  std::optional<std::string> target;               // TARGET (positional)

  // AWS CLI globals.
  std::optional<std::string> profile;       // --profile
  std::optional<std::string> region;        // --region
  std::optional<std::string> endpoint_url;  // --endpoint-url
  bool debug = false;                       // --debug
  bool verify_ssl = true;                   // --no-verify-ssl
  std::string output = "text";              // --output json|text

  // opsreg's own.
  bool mock = false;                      // --mock or --mock=WORLD.json
  std::optional<std::string> mock_world;  // the WORLD.json of --mock=WORLD.json
  std::optional<std::string> ssh_config;  // --ssh-config FILE (ssh -F FILE)
  bool help = false;                      // -h / --help

  bool ec2() const { return infrastructure_class == "ec2"; }
};

// Parses `args` (what follows `opsreg register`). Flags take their value as the next word or
// after '=' (`--stack-id=ID`), as argparse does; the positional TARGET may come anywhere.
// Errors (code kUsageError) use the AWS CLI's wording: unknown options ("Unknown options:
// --stack-idd,extra", with "(did you mean '--stack-id'?)" when a flag is close to a known one),
// missing required flags ("the following arguments are required: --stack-id,
// --infrastructure-class"), a bad choice. Unknown options are reported before missing flags,
// unlike the AWS CLI, so that a mistyped flag is named as such.
// Does not run validate(); a help request returns with `help` set and nothing checked.
Result<Arguments> parse_arguments(const std::vector<std::string>& args);

// The checks `aws opsworks register` makes before any API call, in its order, with its
// messages (awscli/customizations/opsworks.py, prevalidate_arguments). `system` is what
// Python's platform.system() would say ("Linux" on Linux), for the --local check.
Status validate(const Arguments& args, std::string_view system);

// The system name of this machine as platform.system() reports it (uname's sysname).
std::string platform_system();

// Whether `hostname` matches ^(?!-)[a-z0-9-]{1,63}(?<!-)$, case-insensitively.
bool valid_hostname(std::string_view hostname);

// Every flag parse_arguments accepts ("--debug", "--endpoint-url", …), sorted; -h/--help aside.
std::vector<std::string> flag_names();

}  // namespace opsreg::registration
