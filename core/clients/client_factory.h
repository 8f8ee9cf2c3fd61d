// Ready clients per service from a resolved AWS environment: what the CLI builds once from
// its flags and the process environment, then asks for iam(), opsworks(), ... as needed.
#pragma once

#include <memory>

#include "core/clients/aws_client.h"
#include "core/clients/ec2_client.h"
#include "core/clients/iam_client.h"
#include "core/clients/opsworks_client.h"
#include "core/clients/s3_client.h"
#include "core/clients/sts_client.h"
#include "core/config/aws_environment.h"
#include "core/util/result.h"

namespace opsreg::clients {

class ClientFactory {
 public:
  // `env` must outlive the factory. Empty members of `deps` get the real ones; the default
  // transport verifies TLS peers with env's CA bundle (AWS_CA_BUNDLE) or the system store.
  ClientFactory(const config::AwsEnvironment& env, ClientDeps deps = {});

  // Errors: NoCredentials / PartialCredentials, NoRegion, a bad endpoint URL.
  Result<AwsClient> client(config::Service service, const config::ServiceOptions& options = {});
  Result<IamClient> iam(const config::ServiceOptions& options = {});
  Result<OpsWorksClient> opsworks(const config::ServiceOptions& options = {});
  Result<StsClient> sts(const config::ServiceOptions& options = {});
  Result<S3Client> s3(const config::ServiceOptions& options = {});
  // The register procedure asks for EC2 in the stack's region, without --endpoint-url.
  Result<Ec2Client> ec2(const config::ServiceOptions& options = {});

  const ClientDeps& deps() const { return deps_; }

 private:
  const config::AwsEnvironment& env_;
  ClientDeps deps_;
};

}  // namespace opsreg::clients
