// Parsing and validating `opsreg register`'s command line. The validation messages are those
// of the AWS CLI v1 `opsworks register` customization (prevalidate_arguments).
#include "core/register/arguments.h"

#include <sys/utsname.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "core/util/nearest.h"

namespace opsreg::registration {

namespace {

aws::Error usage(std::string message) {
  return aws::make_error(std::string(kUsageError), std::move(message), 0);
}

// Flags that take a value, and where it goes.
std::map<std::string, std::optional<std::string> Arguments::*> optional_value_flags() {
  return {{"--override-hostname", &Arguments::override_hostname},
          {"--override-private-ip", &Arguments::override_private_ip},
          {"--override-public-ip", &Arguments::override_public_ip},
          {"--override-ssh", &Arguments::override_ssh},
          {"--ssh-username", &Arguments::ssh_username},
          {"--ssh-private-key", &Arguments::ssh_private_key},
          {"--profile", &Arguments::profile},
          {"--region", &Arguments::region},
          {"--endpoint-url", &Arguments::endpoint_url},
          {"--ssh-config", &Arguments::ssh_config}};
}

std::map<std::string, bool Arguments::*> switch_flags() {
  return {{"--local", &Arguments::local},
          {"--use-instance-profile", &Arguments::use_instance_profile},
          {"--debug", &Arguments::debug}};
}

// Flags the parser reads one by one (a value checked against choices, or --mock's optional
// value), beside the two tables above.
constexpr const char* kOwnBranchFlags[] = {"--stack-id", "--infrastructure-class", "--output",
                                           "--mock", "--no-verify-ssl"};

// "Unknown options: --stack-idd,X" as the AWS CLI says it (its words joined by ','), with a
// hint for each unknown flag that is close to a known one.
aws::Error unknown_options(const std::vector<std::string>& unknown) {
  std::string list, hints;
  const std::vector<std::string> known = flag_names();
  for (const auto& u : unknown) {
    list += (list.empty() ? "" : ",") + u;
    if (!u.starts_with("--")) continue;
    if (auto near = nearest(u.substr(0, u.find('=')), known))
      hints += (hints.empty() ? "" : ", ") + ("'" + *near + "'") +
               (unknown.size() > 1 ? " for '" + u + "'" : "");
  }
  return usage("Unknown options: " + list +
               (hints.empty() ? "" : " (did you mean " + hints + "?)"));
}

}  // namespace

std::vector<std::string> flag_names() {
  std::vector<std::string> names(std::begin(kOwnBranchFlags), std::end(kOwnBranchFlags));
  for (const auto& [name, member] : optional_value_flags()) names.push_back(name);
  for (const auto& [name, member] : switch_flags()) names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

Result<Arguments> parse_arguments(const std::vector<std::string>& args) {
  Arguments out;
  bool have_stack = false, have_class = false;
  std::vector<std::string> unknown;
  const auto optional_flags = optional_value_flags();
  const auto switches = switch_flags();
  const std::vector<std::string> known = flag_names();
  for (size_t i = 0; i < args.size(); ++i) {
    std::string word = args[i];
    if (word == "-h" || word == "--help" || word == "help") {
      out.help = true;
      return out;
    }
    if (!word.starts_with("--") || word == "--") {
      if (word == "--") continue;
      if (out.target) {
        unknown.push_back(word);
      } else {
        out.target = word;
      }
      continue;
    }
    std::string name = word;
    std::optional<std::string> inline_value;
    if (auto eq = word.find('='); eq != std::string::npos) {
      name = word.substr(0, eq);
      inline_value = word.substr(eq + 1);
    }
    // The value of a flag that needs one: after '=' or the next word (which must exist).
    auto value = [&]() -> Result<std::string> {
      if (inline_value) return *inline_value;
      if (i + 1 >= args.size()) return usage("argument " + name + ": expected one argument");
      return args[++i];
    };
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      unknown.push_back(word);
    } else if (name == "--mock") {
      out.mock = true;
      if (inline_value) out.mock_world = *inline_value;
    } else if (name == "--no-verify-ssl" && !inline_value) {
      out.verify_ssl = false;
    } else if (auto s = switches.find(name); s != switches.end()) {
      if (inline_value)
        return usage("argument " + name + ": ignored explicit argument '" + *inline_value + "'");
      out.*(s->second) = true;
    } else if (auto f = optional_flags.find(name); f != optional_flags.end()) {
      auto v = value();
      if (!v.ok()) return v.error();
      out.*(f->second) = *v;
    } else if (name == "--stack-id") {
      auto v = value();
      if (!v.ok()) return v.error();
      out.stack_id = *v;
      have_stack = true;
    } else if (name == "--infrastructure-class") {
      auto v = value();
      if (!v.ok()) return v.error();
      if (*v != "ec2" && *v != "on-premises")
        return usage(
            "argument --infrastructure-class: Invalid choice, valid choices are: "
            "ec2 | on-premises");
      out.infrastructure_class = *v;
      have_class = true;
    } else if (name == "--output") {
      auto v = value();
      if (!v.ok()) return v.error();
      if (*v != "json" && *v != "text")
        return usage("argument --output: Invalid choice, valid choices are: json | text");
      out.output = *v;
    } else {
      unknown.push_back(word);
    }
  }
  // Unknown options first: the AWS CLI (argparse's parse_known_args) reports missing required
  // flags before them, which hides a mistyped --stack-id behind "--stack-id is required".
  if (!unknown.empty()) return unknown_options(unknown);
  std::string missing;
  if (!have_stack) missing += "--stack-id";
  if (!have_class) missing += std::string(missing.empty() ? "" : ", ") + "--infrastructure-class";
  if (!missing.empty()) return usage("the following arguments are required: " + missing);
  return out;
}

bool valid_hostname(std::string_view h) {
  if (h.empty() || h.size() > 63 || h.front() == '-' || h.back() == '-') return false;
  for (char c : h)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
  return true;
}

Status validate(const Arguments& args, std::string_view system) {
  if (!args.target && !args.local) return usage("One of target or --local is required.");
  if (args.target && args.local)
    return usage("Arguments target and --local are mutually exclusive.");
  if (args.local && system != "Linux")
    return usage("Non-Linux instances are not supported by AWS OpsWorks.");
  if (args.override_ssh && (args.ssh_username || args.ssh_private_key))
    return usage(
        "Argument --override-ssh cannot be used together with --ssh-username or "
        "--ssh-private-key.");
  if (args.ec2()) {
    if (args.override_private_ip) return usage("--override-private-ip is not supported for EC2.");
    if (args.override_public_ip) return usage("--override-public-ip is not supported for EC2.");
  }
  if (args.infrastructure_class == "on-premises" && args.use_instance_profile)
    return usage("--use-instance-profile is only supported for EC2.");
  if (args.override_hostname && !valid_hostname(*args.override_hostname))
    return usage("Invalid hostname: '" + *args.override_hostname +
                 "'. Hostnames must consist of letters, digits and dashes only and must not "
                 "start or end with a dash.");
  return {};
}

std::string platform_system() {
  struct utsname u;
  if (uname(&u) != 0) return "";
  return u.sysname;
}

}  // namespace opsreg::registration
