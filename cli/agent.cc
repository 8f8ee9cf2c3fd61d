// `opsreg agent boot-registration --preconfig FILE [--key-pool FILE]`: the simulated agent run
// by the installer's boot-registration script; `agent contact`: one of its later contacts;
// `opsreg agent make-key-pool FILE N` fills a pool. Its help: cli/help_texts.cc.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "cli/help.h"
#include "cli/options.h"
#include "core/agent/agent_contact.h"
#include "core/agent/agent_log.h"
#include "core/agent/boot_registration.h"
#include "core/agent/instance_identity.h"
#include "core/agent/rsa_key.h"
#include "core/config/env.h"
#include "core/util/nearest.h"

namespace opsreg::cli {

namespace {

int usage(const std::string& why) { return usage_error(agent_help(), why); }

int boot_registration_main(const ParsedOptions& parsed) {
  if (!parsed.positional.empty())
    return usage("boot-registration takes no argument '" + parsed.positional[0] + "'");
  const std::string preconfig_path = parsed.value("--preconfig").value_or("");
  std::string key_pool = parsed.value("--key-pool").value_or("");
  if (preconfig_path.empty()) return usage("--preconfig FILE is required");
  config::Env env = config::process_env();
  if (key_pool.empty()) key_pool = config::non_empty(env, "OPSREG_AGENT_KEY_POOL").value_or("");

  agent::AgentHost host = agent::AgentHost::from_environment(env);
  SystemClock clock;
  agent::AgentLog log(host, clock, &std::cout);
  if (!log.open_error().empty())
    std::fprintf(stderr, "opsworks-agent: warning: %s\n", log.open_error().c_str());

  std::ifstream in(preconfig_path);
  if (!in) {
    log.error("cannot read the preconfig " + preconfig_path);
    return kExitFailed;
  }
  std::stringstream text;
  text << in.rdbuf();
  auto preconfig = registration::parse_preconfig(text.str());
  if (!preconfig.ok()) {
    log.error(preconfig.error().message);
    return kExitFailed;
  }
  agent::BootOptions options;
  options.key_pool = key_pool;
  options.log = [&](const std::string& line) { log.info(line); };
  auto result = agent::boot_registration(*preconfig, host, options);
  if (!result.ok()) {
    log.error("boot-registration failed: " + result.error().code + ": " + result.error().message);
    return kExitFailed;
  }
  return kExitOk;
}

// What one iteration of a real agent's loop does: contact the service, log the outcome.
int contact_main(const ParsedOptions& parsed) {
  if (!parsed.positional.empty()) return usage("contact takes no arguments");
  agent::AgentHost host = agent::AgentHost::from_environment(config::process_env());
  SystemClock clock;
  agent::AgentLog log(host, clock, &std::cout);
  if (!log.open_error().empty())
    std::fprintf(stderr, "opsworks-agent: warning: %s\n", log.open_error().c_str());
  agent::ContactOptions options;
  // A config without a key: the instance profile's credentials, from the metadata service
  // (AWS_EC2_METADATA_SERVICE_ENDPOINT), fetched afresh for the contact.
  options.instance_credentials =
      agent::instance_profile_credentials(config::MetadataOptions::from_env(config::process_env()));
  options.log = [&](const std::string& line) { log.info(line); };
  auto result = agent::agent_contact(host, options);
  return result.ok() ? kExitOk : kExitFailed;
}

int make_key_pool_main(const ParsedOptions& parsed) {
  const std::vector<std::string>& words = parsed.positional;
  if (words.size() != 2) return usage("make-key-pool needs FILE and COUNT");
  int count = std::atoi(words[1].c_str());
  if (count <= 0) return usage("COUNT must be a positive number");
  if (Status s = agent::write_key_pool(words[0], count); !s.ok()) {
    std::fprintf(stderr, "opsreg agent: %s\n", s.error().message.c_str());
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace

int agent_main(const Args& args) {
  const std::vector<std::string> kSubcommands = {"boot-registration", "contact", "make-key-pool"};
  if (args.empty()) return usage("a subcommand is required (" + join_words(kSubcommands) + ")");
  if (args[0] == "-h" || args[0] == "--help") return print_help(agent_help());
  const std::string& sub = args[0];
  if (std::find(kSubcommands.begin(), kSubcommands.end(), sub) == kSubcommands.end())
    return usage(unknown_word("subcommand", sub, kSubcommands));
  auto parsed = parse_options(Args(args.begin() + 1, args.end()), agent_help().options);
  if (!parsed.ok()) return usage(parsed.error().message);
  if (parsed->help) return print_help(agent_help());
  if (sub == "boot-registration") return boot_registration_main(*parsed);
  if (!parsed->values.empty())
    return usage(sub + " takes no flags (--preconfig and --key-pool are boot-registration's)");
  return sub == "contact" ? contact_main(*parsed) : make_key_pool_main(*parsed);
}

}  // namespace opsreg::cli
