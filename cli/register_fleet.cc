// `opsreg register-fleet --hosts LIST [--concurrency N] REGISTER-FLAGS...`: register's procedure
// for many hosts, N at a time (core/register/fleet.h). Its own flags are read here; the rest go
// to register's parser unchanged. Its help: cli/help_texts_fleet.cc.
#include <fnmatch.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "cli/help.h"
#include "cli/options.h"
#include "cli/register_environment.h"
#include "core/register/fleet.h"
#include "core/ssh/ssh_config.h"

namespace opsreg::cli {

namespace {

constexpr size_t kMaxConcurrency = 64;

struct FleetFlags {
  std::vector<std::string> hosts;  // as given: names, addresses, patterns
  size_t concurrency = 4;
  Args rest;  // register's flags
};

bool is_pattern(const std::string& word) { return word.find_first_of("*?[") != std::string::npos; }

// Takes --hosts and --concurrency (as "--flag V" or "--flag=V") out of `argv`.
Result<FleetFlags> take_fleet_flags(const Args& argv) {
  FleetFlags out;
  for (size_t i = 0; i < argv.size(); ++i) {
    std::string word = argv[i], value;
    std::string name = word.substr(0, word.find('='));
    if (name != "--hosts" && name != "--concurrency") {
      out.rest.push_back(word);
      continue;
    }
    if (word.size() > name.size()) {
      value = word.substr(name.size() + 1);
    } else if (i + 1 < argv.size()) {
      value = argv[++i];
    } else {
      return aws::make_error("UsageError", name + " needs a value", 0);
    }
    if (name == "--hosts") {
      for (size_t start = 0; start <= value.size();) {
        size_t comma = std::min(value.find(',', start), value.size());
        if (comma > start) out.hosts.push_back(value.substr(start, comma - start));
        start = comma + 1;
      }
      continue;
    }
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out.concurrency);
    if (ec != std::errc() || end != value.data() + value.size() || out.concurrency < 1 ||
        out.concurrency > kMaxConcurrency)
      return aws::make_error("UsageError",
                             "--concurrency must be a number from 1 to " +
                                 std::to_string(kMaxConcurrency) + ", got '" + value + "'",
                             0);
  }
  if (out.hosts.empty())
    return aws::make_error("UsageError", "the following arguments are required: --hosts", 0);
  return out;
}

// The hosts' names: patterns matched against the --ssh-config file's Host names, in its order.
Result<std::vector<std::string>> expand_hosts(const std::vector<std::string>& hosts,
                                              const std::optional<std::string>& ssh_config) {
  std::vector<std::string> known;
  bool any_pattern = std::any_of(hosts.begin(), hosts.end(), is_pattern);
  if (any_pattern) {
    if (!ssh_config)
      return aws::make_error("UsageError",
                             "a pattern in --hosts needs --ssh-config (the hosts it is matched "
                             "against)",
                             0);
    auto config = ssh::SshConfig::load_file(*ssh_config, ssh::LocalContext::from_environment());
    if (!config.ok()) return config.error();
    known = config->host_names();
  }
  std::vector<std::string> out;
  auto add = [&out](const std::string& name) {
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  };
  for (const std::string& h : hosts) {
    if (!is_pattern(h)) {
      add(h);
      continue;
    }
    size_t before = out.size();
    for (const std::string& name : known)
      if (fnmatch(h.c_str(), name.c_str(), 0) == 0) add(name);
    if (out.size() == before)
      return aws::make_error("UsageError", "no host of " + *ssh_config + " matches '" + h + "'", 0);
  }
  return out;
}

int usage(const std::string& why) { return aws_cli_usage_error(register_fleet_help(), why); }

}  // namespace

int register_fleet_main(const Args& argv) {
  for (const std::string& a : argv)
    if (a == "-h" || a == "--help") return print_help(register_fleet_help());
  auto flags = take_fleet_flags(argv);
  if (!flags.ok()) return usage(flags.error().message);
  auto parsed = registration::parse_arguments(flags->rest);
  if (!parsed.ok()) return usage(parsed.error().message);
  if (parsed->local)
    return usage("--local is not for register-fleet: each host is reached over SSH");
  if (parsed->target)
    return usage("name the hosts with --hosts, not as TARGET ('" + *parsed->target + "')");
  registration::Arguments args = *parsed;
  auto environment = register_environment(args);
  if (!environment.ok()) {
    std::fprintf(stderr, "opsreg register-fleet: --mock: %s\n",
                 environment.error().message.c_str());
    return kExitFailed;
  }
  auto targets = expand_hosts(flags->hosts, args.ssh_config);
  if (!targets.ok()) return usage(targets.error().message);
  args.target = targets->front();
  if (Status v = registration::validate(args, registration::platform_system()); !v.ok())
    return usage(v.error().message);

  registration::FleetOptions options;
  options.concurrency = flags->concurrency;
  options.context_for = [&](const std::string&) {
    registration::CommandContext context;
    context.env = environment->env;
    context.clock = environment->clock;
    return context;  // the script's output and progress lines are not printed per host
  };
  registration::FleetReport report;
  {
    registration::FleetProgressLine progress;
    options.progress = [&progress](size_t done, size_t failed, size_t total) {
      progress.show(done, failed, total);
    };
    report = registration::register_fleet(args, *targets, options);
  }
  for (const registration::FleetMember& m : report.members)
    if (!m.ok) std::fprintf(stderr, "%s: %s\n", m.target.c_str(), m.message.c_str());
  if (args.output == "json") {
    std::cout << report.to_json().dump(4) << std::endl;
  } else {
    std::cout << "Registered " << report.registered() << " of " << report.members.size()
              << " hosts with stack " << args.stack_id;
    if (report.failed()) {
      std::cout << "; " << report.failed() << " failed (";
      bool first = true;
      for (const auto& [code, n] : report.errors()) {
        std::cout << (first ? "" : ", ") << code << " × " << n;
        first = false;
      }
      std::cout << ")";
    }
    std::cout << std::endl;
  }
  return report.failed() == 0 ? kExitOk : kExitFailed;
}

}  // namespace opsreg::cli
