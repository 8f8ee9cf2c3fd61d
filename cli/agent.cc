// `opsreg agent boot-registration --preconfig FILE [--key-pool FILE]`: the simulated agent run
// by the installer's boot-registration script; `agent contact`: one of its later contacts;
// `opsreg agent make-key-pool FILE N` fills a pool.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "core/agent/agent_contact.h"
#include "core/agent/agent_log.h"
#include "core/agent/boot_registration.h"
#include "core/agent/instance_identity.h"
#include "core/agent/rsa_key.h"
#include "core/config/env.h"

namespace opsreg::cli {

namespace {

constexpr char kAgentUsage[] =
    "usage: opsreg agent boot-registration --preconfig FILE [--key-pool FILE]\n"
    "       opsreg agent contact\n"
    "       opsreg agent make-key-pool FILE COUNT\n"
    "\n"
    "boot-registration registers this host with the preconfig's stack (what the OpsWorks agent\n"
    "installer does) and logs to <host root>/var/log/aws/opsworks/opsworks-agent.log. The key\n"
    "pool (a PEM file of RSA keys from make-key-pool) is also read from OPSREG_AGENT_KEY_POOL\n"
    "or the preconfig's opsreg_agent_key_pool; without one a fresh RSA-2048 key is made.\n"
    "After registering it runs the initial setup: the stack's hosts file replaces\n"
    "<host root>/etc/hosts (the old one is kept in the log) and the host's EBS volumes and\n"
    "Elastic IPs are registered; a volume on a reserved mount point fails setup (exit 1).\n"
    "\n"
    "contact makes one of the registered agent's periodic contacts with OpsWorks (our model of\n"
    "the agent's channel), signed with the key in <host root>/etc/aws/opsworks/\n"
    "instance-agent.yml, and logs the outcome to the agent log; exit status 1 when refused.\n";

int usage(const std::string& why) {
  std::fprintf(stderr, "opsreg agent: %s\n%s", why.c_str(), kAgentUsage);
  return kExitUsage;
}

int boot_registration_main(const Args& args) {
  std::string preconfig_path, key_pool;
  for (size_t i = 1; i < args.size(); ++i) {
    if ((args[i] == "--preconfig" || args[i] == "--key-pool") && i + 1 < args.size()) {
      (args[i] == "--preconfig" ? preconfig_path : key_pool) = args[i + 1];
      ++i;
    } else {
      return usage("unknown argument '" + args[i] + "'");
    }
  }
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
int contact_main(const Args& args) {
  if (args.size() != 1) return usage("contact takes no arguments");
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

int make_key_pool_main(const Args& args) {
  if (args.size() != 3) return usage("make-key-pool needs FILE and COUNT");
  int count = std::atoi(args[2].c_str());
  if (count <= 0) return usage("COUNT must be a positive number");
  if (Status s = agent::write_key_pool(args[1], count); !s.ok()) {
    std::fprintf(stderr, "opsreg agent: %s\n", s.error().message.c_str());
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace

int agent_main(const Args& args) {
  if (args.empty()) return usage("a subcommand is required");
  if (args[0] == "boot-registration") return boot_registration_main(args);
  if (args[0] == "contact") return contact_main(args);
  if (args[0] == "make-key-pool") return make_key_pool_main(args);
  if (args[0] == "-h" || args[0] == "--help") {
    std::fputs(kAgentUsage, stdout);
    return kExitOk;
  }
  return usage("unknown subcommand '" + args[0] + "'");
}

}  // namespace opsreg::cli
