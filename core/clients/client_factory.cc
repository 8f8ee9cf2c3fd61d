// Building typed clients from the resolved environment.
#include "core/clients/client_factory.h"

namespace opsreg::clients {

ClientFactory::ClientFactory(const config::AwsEnvironment& env, ClientDeps deps)
    : env_(env), deps_(std::move(deps)) {
  http::TransportOptions options;
  options.ca_bundle = env.ca_bundle();
  options.verify_peer = env.verify_ssl();
  deps_.fill_missing(options);
}

Result<AwsClient> ClientFactory::client(config::Service service,
                                        const config::ServiceOptions& options) {
  Result<config::ServiceConfig> config = env_.service(service, options);
  if (!config.ok()) return config.error();
  return AwsClient::create(std::move(config.value()), deps_);
}

namespace {
template <class Typed>
Result<Typed> wrap(Result<AwsClient> client) {
  if (!client.ok()) return client.error();
  return Typed(std::move(client.value()));
}
}  // namespace

Result<IamClient> ClientFactory::iam(const config::ServiceOptions& options) {
  return wrap<IamClient>(client(config::Service::kIam, options));
}

Result<OpsWorksClient> ClientFactory::opsworks(const config::ServiceOptions& options) {
  return wrap<OpsWorksClient>(client(config::Service::kOpsWorks, options));
}

Result<StsClient> ClientFactory::sts(const config::ServiceOptions& options) {
  return wrap<StsClient>(client(config::Service::kSts, options));
}

Result<S3Client> ClientFactory::s3(const config::ServiceOptions& options) {
  return wrap<S3Client>(client(config::Service::kS3, options));
}

Result<Ec2Client> ClientFactory::ec2(const config::ServiceOptions& options) {
  return wrap<Ec2Client>(client(config::Service::kEc2, options));
}

}  // namespace opsreg::clients
