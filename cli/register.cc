// `opsreg register ...`: `aws opsworks register` for on-premises and EC2 targets and --local,
// against the AWS environment (real AWS or any endpoint) or, with --mock[=WORLD.json], fakes.
// Its help: cli/help_texts.cc; its flags: core/register/arguments.h.
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "cli/help.h"
#include "core/clients/debug_log.h"
#include "core/register/arguments.h"
#include "core/register/command.h"
#include "mocks/harness/harness.h"

namespace opsreg::cli {

namespace {

using registration::Arguments;

void err_line(const std::string& s) {
  std::fputs((s + "\n").c_str(), stderr);
  std::fflush(stderr);
}

// The embedded fakes of --mock: the world (default or --mock=WORLD.json) on the system clock,
// served with its hosts (an SSH server each, and an OpenSSH client config).
Result<std::unique_ptr<mocks::Harness>> start_mock(const Arguments& args) {
  mocks::HarnessOptions options;
  options.clock = mocks::ClockMode::kSystem;
  if (const char* pool = std::getenv("OPSREG_AGENT_KEY_POOL"))
    options.host_env["OPSREG_AGENT_KEY_POOL"] = pool;
  return mocks::Harness::start_file(args.mock_world.value_or(mocks::World::default_world_path()),
                                    options);
}

int fail(const std::string& message) {
  err_line("opsreg register: " + message);
  return kExitFailed;
}

}  // namespace

int register_main(const Args& argv) {
  auto parsed = registration::parse_arguments(argv);
  if (parsed.ok() && parsed->help) return print_help(register_help());
  Status valid = parsed.ok() ? registration::validate(*parsed, registration::platform_system())
                             : Status(parsed.error());
  if (!valid.ok()) {
    // As the AWS CLI: the usage, where the help is, then the error on the last line.
    std::string text;
    for (size_t i = 0; i < register_help().synopsis.size(); ++i)
      text += (i ? "       " : "usage: ") + register_help().synopsis[i] + "\n";
    err_line(text + "To see help text, you can run: opsreg register --help\n\n" +
             "opsreg register: error: " + valid.error().message);
    return kExitUsage;
  }
  Arguments args = *parsed;

  std::unique_ptr<mocks::Harness> mock;
  if (args.mock) {
    auto started = start_mock(args);
    if (!started.ok()) return fail("--mock: " + started.error().message);
    mock = std::move(*started);
    if (!args.ssh_config) args.ssh_config = mock->fleet().ssh_config_path().string();
    err_line("mock: edge " + mock->url() + ", " + std::to_string(mock->fleet().hosts().size()) +
             " host(s), ssh config " + *args.ssh_config);
  }

  registration::CommandContext context;
  context.env =
      mock ? mock->client_env(mock->world()->operator_credentials()) : config::process_env();
  if (args.debug)
    context.client_deps.debug = [](const clients::DebugEvent& e) {
      err_line(clients::format_debug_event(e));
    };
  if (mock) context.clock = &mock->world()->clock();
  context.progress = [](const std::string& line) { err_line(line); };
  if (args.debug) context.debug = [](const std::string& line) { err_line("DEBUG " + line); };
  context.io.output = [](std::string_view data) {
    std::fwrite(data.data(), 1, data.size(), stderr);
    std::fflush(stderr);
  };
  context.io.notice = [](const std::string& line) { err_line(line); };
  auto ran = registration::run_register_command(args, context);
  if (!ran.ok()) return fail(ran.error().code + ": " + ran.error().message);
  const registration::Report& report = *ran;
  for (const auto& w : report.outcome.warnings) err_line("warning: " + w);
  if (!report.ok()) return fail(report.failure->message());
  const registration::Outcome& o = report.outcome;
  if (args.output == "json") {
    std::cout << o.to_json().dump(4) << std::endl;
  } else {
    std::cout << "Registered instance " << (o.instance_id.empty() ? "(unknown id)" : o.instance_id)
              << " (" << (o.hostname.empty() ? "hostname not known" : o.hostname) << ") with stack "
              << o.stack_id;
    if (!o.iam_user_name.empty()) std::cout << "; IAM user " << o.iam_user_name;
    std::cout << std::endl;
  }
  return kExitOk;
}

}  // namespace opsreg::cli
