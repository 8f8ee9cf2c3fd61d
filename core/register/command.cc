// The environment, the clients and the target runner of one register run, then the procedure.
#include "core/register/command.h"

#include "core/clients/client_factory.h"
#include "core/config/aws_environment.h"
#include "core/register/register_clients.h"

namespace opsreg::registration {

Result<Report> run_register_command(const Arguments& args, const CommandContext& context) {
  config::GlobalFlags flags;
  flags.profile = args.profile;
  flags.region = args.region;
  flags.endpoint_url = args.endpoint_url;
  flags.verify_ssl = args.verify_ssl;
  auto env = config::AwsEnvironment::load(flags, context.env);
  if (!env.ok()) return env.error();
  clients::ClientFactory factory(**env, context.client_deps);
  auto aws_clients = RegisterClients::create(factory, args);
  if (!aws_clients.ok()) return aws_clients.error();

  ProcedureDeps deps;
  (*aws_clients)->wire(deps);
  deps.clock = context.clock;
  deps.progress = context.progress;
  deps.debug = context.debug;
  deps.local_hostname = context.local_hostname;
  deps.identity_document = context.identity_document;
  deps.target = context.target ? context.target : [&args, &context](const std::string& address) {
    return make_target_runner(args, address, context.io);
  };
  return run_register(args, deps);
}

}  // namespace opsreg::registration
