// The register run's OpsWorks, IAM and EC2 clients from one ClientFactory.
#include "core/register/register_clients.h"

namespace opsreg::registration {

Result<std::unique_ptr<RegisterClients>> RegisterClients::create(clients::ClientFactory& factory,
                                                                 const Arguments& args) {
  auto opsworks = factory.opsworks();
  if (!opsworks.ok()) return opsworks.error();
  std::unique_ptr<RegisterClients> made(new RegisterClients(factory, std::move(*opsworks)));
  if (!args.use_instance_profile) {
    config::ServiceOptions iam_options;
    iam_options.use_endpoint_flag = false;
    auto iam = factory.iam(iam_options);
    if (!iam.ok()) return iam.error();
    made->iam_.emplace(std::move(*iam));
  }
  return made;
}

void RegisterClients::wire(ProcedureDeps& deps) {
  deps.opsworks = &opsworks_;
  deps.iam = iam_ ? &*iam_ : nullptr;
  deps.ec2 = [&factory = factory_](const std::string& region) {
    config::ServiceOptions ec2_options;
    ec2_options.region = region;
    ec2_options.use_endpoint_flag = false;
    return factory.ec2(ec2_options);
  };
}

}  // namespace opsreg::registration
