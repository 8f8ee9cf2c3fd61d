// One scenario's own world while it runs: the fake account on a virtual clock, its edge on a
// loopback port, its hosts (SSH servers), its agents, the requests the edge saw, saved results.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/aws/sigv4.h"
#include "core/clients/aws_client.h"
#include "core/util/result.h"
#include "mocks/harness/harness.h"

namespace opsreg::scenarios {

// Results saved by name ("register", "call", or a step's save_as) for "$NAME.Member".
using SavedResults = std::map<std::string, nlohmann::json>;

// A request the edge answered.
struct SeenRequest {
  std::string service;        // signing name: iam, opsworks, ec2, sts, s3
  std::string operation;      // as fault rules name it: CreateUser, DescribeStacks, GetObject
  std::string access_key_id;  // the caller's key ("" anonymous)
  int status = 0;
};

struct WorldOptions {
  // The executable the hosts run as the agent (OPSREG_BIN); empty: this executable.
  std::string opsreg_bin;
};

class ScenarioWorld {
 public:
  // Starts the world's fakes (mocks/harness: virtual clock, the edge on 127.0.0.1:0, the hosts
  // and their agents) from `world_json`. Errors: the world file's, the harness's.
  static Result<std::unique_ptr<ScenarioWorld>> start(const nlohmann::json& world_json,
                                                      const WorldOptions& options);
  ~ScenarioWorld();

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
  std::string identity_of_key(const std::string& access_key_id) const;
  // A client of `service` ("iam", "opsworks", ...) signing as `creds` at the world's time,
  // over HTTP to the edge's port.
  // `skew`: the client's clock runs that far ahead of the world's (negative: behind).
  Result<clients::AwsClient> client(const std::string& service, const aws::Credentials& creds,
                                    std::chrono::microseconds skew = {});
  // The host's root ("/" of its tree). NoSuchHost when the world has no such host.
  Result<std::filesystem::path> host_root(const std::string& name) const;

  std::vector<SeenRequest> requests() const;
  // While false, requests are not recorded (the engine's own checks are not the scenario's).
  void set_observing(bool on) { observing_ = on; }

  SavedResults saved;

 private:
  ScenarioWorld() = default;
  void observe(const http::Request& request, const http::Response& response);

  nlohmann::json world_json_;
  std::unique_ptr<mocks::Harness> harness_;
  std::shared_ptr<mocks::World> world_;  // the harness's (scenarios never reset it)
  mutable std::mutex mu_;
  std::vector<SeenRequest> seen_;  // guarded by mu_
  std::atomic<bool> observing_{true};
};

}  // namespace opsreg::scenarios
