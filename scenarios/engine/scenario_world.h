// One scenario's own world while it runs: the fake account on a virtual clock, its edge on a
// loopback port, its hosts (SSH servers), its agents, saved results; what its expect steps read
// (ExpectWorld), the requests the edge saw among them (the harness's request log).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/aws/sigv4.h"
#include "core/clients/aws_client.h"
#include "core/util/result.h"
#include "mocks/harness/harness.h"
#include "scenarios/engine/expect_world.h"

namespace opsreg::scenarios {

struct WorldOptions {
  // The executable the hosts run as the agent (OPSREG_BIN); empty: this executable.
  std::string opsreg_bin;
};

class ScenarioWorld final : public ExpectWorld {
 public:
  // Starts the world's fakes (mocks/harness: virtual clock, the edge on 127.0.0.1:0, the hosts
  // and their agents) from `world_json`. Errors: the world file's, the harness's.
  static Result<std::unique_ptr<ScenarioWorld>> start(const nlohmann::json& world_json,
                                                      const WorldOptions& options);
  ~ScenarioWorld() override;

  mocks::Harness& harness() { return *harness_; }
  mocks::World& world() { return *world_; }
  mocks::Edge& edge() { return harness_->edge(); }
  mocks::agents::AgentRunner& agents() { return harness_->agents(); }
  const mocks::ssh::HostFleet& fleet() const { return harness_->fleet(); }
  std::string edge_url() const { return harness_->url(); }
  std::shared_ptr<const Clock> clock() const;
  // What every client of the scenario is built with: signatures at the world's time (shifted
  // by `skew`), and retry backoff that passes on the world's clock with half the jitter range,
  // so the same scenario always waits the same virtual time.
  clients::ClientDeps client_deps(std::chrono::microseconds skew = {}) const;

  // The credentials of a named identity: "operator" (the account's root keys) or a user of
  // the world file's "identities". NoSuchIdentity otherwise.
  Result<aws::Credentials> identity(const std::string& name) const;
  // The name of the identity (or saved result) holding `access_key_id`; "" when unknown.
  std::string identity_of_key(const std::string& access_key_id) const override;
  // A client of `service` ("iam", "opsworks", ...) signing as `creds` at the world's time,
  // over HTTP to the edge's port.
  // `skew`: the client's clock runs that far ahead of the world's (negative: behind).
  Result<clients::AwsClient> client(const std::string& service, const aws::Credentials& creds,
                                    std::chrono::microseconds skew = {});
  // The host's root ("/" of its tree). NoSuchHost when the world has no such host.
  Result<std::filesystem::path> host_root(const std::string& name) const;

  // The requests the edge answered: the harness's request log (mocks/edge/request_log.h).
  Result<std::vector<SeenRequest>> requests() override;
  // While false, requests are not recorded (the engine's own checks are not the scenario's):
  // the request log is paused.
  void set_observing(bool on) { harness_->requests().set_paused(!on); }

  // ExpectWorld: the operator's client, a host's file, the saved results.
  Result<clients::AwsClient> operator_client(const std::string& service) override;
  Result<std::optional<std::string>> host_file(const std::string& host,
                                               const std::string& path) override;
  const SavedResults& saved_results() const override { return saved; }

  SavedResults saved;

 private:
  ScenarioWorld() = default;

  nlohmann::json world_json_;
  std::unique_ptr<mocks::Harness> harness_;
  std::shared_ptr<mocks::World> world_;  // the harness's (scenarios never reset it)
};

}  // namespace opsreg::scenarios
