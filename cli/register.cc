// `opsreg register ...`: `aws opsworks register` for on-premises and EC2 targets and --local,
// against the AWS environment (real AWS or any endpoint) or, with --mock[=WORLD.json], fakes.
// Its help: cli/help_texts.cc; its flags: core/register/arguments.h.
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "cli/help.h"
#include "cli/register_environment.h"
#include "core/clients/debug_log.h"
#include "core/register/arguments.h"
#include "core/register/command.h"

namespace opsreg::cli {

namespace {

using registration::Arguments;

void err_line(const std::string& s) {
  std::fputs((s + "\n").c_str(), stderr);
  std::fflush(stderr);
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
  if (!valid.ok()) return aws_cli_usage_error(register_help(), valid.error().message);
  Arguments args = *parsed;

  auto environment = register_environment(args);
  if (!environment.ok()) return fail("--mock: " + environment.error().message);
  registration::CommandContext context;
  context.env = environment->env;
  context.clock = environment->clock;
  if (args.debug)
    context.client_deps.debug = [](const clients::DebugEvent& e) {
      err_line(clients::format_debug_event(e));
    };
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
