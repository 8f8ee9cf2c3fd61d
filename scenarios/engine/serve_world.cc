// Connecting to a running serve: its clock, the AWS environment, the operator's clients.
#include "scenarios/engine/serve_world.h"

#include "core/clock/time_format.h"
#include "core/util/json_text.h"

namespace opsreg::scenarios {

Result<std::unique_ptr<ServeWorld>> ServeWorld::connect(const ServeOptions& options) {
  auto transport = std::make_shared<http::HttpTransport>();
  auto admin = AdminClient::create(options.endpoint, transport);
  if (!admin.ok()) return admin.error();
  auto clock_json = admin->clock();
  if (!clock_json.ok()) return clock_json.error();
  std::optional<TimePoint> world_now = parse_iso8601(string_member(*clock_json, "clock"));
  if (!world_now)
    return aws::make_error("AdminApiFailed", "GET /_opsreg/clock: no \"clock\" in the answer", 0);

  std::unique_ptr<ServeWorld> w(new ServeWorld(std::move(*admin)));
  w->transport_ = transport;
  // Signatures at the world's time: on serve's system clock that is this machine's time plus
  // every admin advance; on a virtual clock, the instant it stands at.
  w->clock_ = std::make_shared<OffsetClock>();
  w->clock_->advance(std::chrono::duration_cast<std::chrono::microseconds>(
      *world_now - std::chrono::system_clock::now()));

  config::GlobalFlags flags;
  flags.region = options.region;
  flags.endpoint_url = options.endpoint;
  auto aws = config::AwsEnvironment::load(flags, options.env);
  if (!aws.ok()) return aws.error();
  if ((*aws)->region().empty()) {  // none configured: the served world's
    auto region = w->admin_.region();
    if (!region.ok()) return region.error();
    flags.region = *region;
    aws = config::AwsEnvironment::load(flags, options.env);
    if (!aws.ok()) return aws.error();
  }
  if (auto creds = (*aws)->credentials(); !creds.ok()) return creds.error();
  w->aws_ = std::move(*aws);
  return w;
}

Result<clients::AwsClient> ServeWorld::operator_client(const std::string& service) {
  config::Service which;
  if (!config::service_from_id(service, &which))
    return aws::make_error("BadScenario", "unknown service " + service, 0);
  auto config = aws_->service(which);
  if (!config.ok()) return config.error();
  clients::ClientDeps deps;
  deps.clock = clock_;
  deps.transport = check_transport(transport_);
  return clients::AwsClient::create(*config, deps);
}

Result<std::optional<std::string>> ServeWorld::host_file(const std::string& host,
                                                         const std::string& path) {
  return admin_.host_file(host, path);
}

}  // namespace opsreg::scenarios
