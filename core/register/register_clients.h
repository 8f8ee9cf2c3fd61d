// The AWS clients a register run uses, made as the AWS CLI makes them: OpsWorks honours
// --endpoint-url; IAM (not made with --use-instance-profile) and EC2 (in the stack's region)
// take only the configured endpoints (AWS_ENDPOINT_URL_<SERVICE>, profiles).
#pragma once

#include <memory>
#include <optional>

#include "core/clients/client_factory.h"
#include "core/register/arguments.h"
#include "core/register/procedure.h"
#include "core/util/result.h"

namespace opsreg::registration {

class RegisterClients {
 public:
  // `factory` must outlive the clients and every ProcedureDeps they wire. Errors: the
  // factory's (NoCredentials, NoRegion, a bad endpoint URL).
  static Result<std::unique_ptr<RegisterClients>> create(clients::ClientFactory& factory,
                                                         const Arguments& args);

  // Sets deps.opsworks, deps.iam and deps.ec2.
  void wire(ProcedureDeps& deps);

 private:
  RegisterClients(clients::ClientFactory& factory, clients::OpsWorksClient opsworks)
      : factory_(factory), opsworks_(std::move(opsworks)) {}
  clients::ClientFactory& factory_;
  clients::OpsWorksClient opsworks_;
  std::optional<clients::IamClient> iam_;
};

}  // namespace opsreg::registration
