// The whole fake account: one state for IAM, S3 and OpsWorks on one clock. Every fake service
// reads and changes it; `opsreg serve`, tests and scenarios each build one from a world file.
#pragma once

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "core/aws/sigv4.h"
#include "core/clock/clock.h"
#include "core/util/result.h"
#include "mocks/base/hosts.h"
#include "mocks/base/id_source.h"
#include "mocks/base/world_settings.h"
#include "mocks/faults/fault_plan.h"
#include "mocks/iam/model.h"
#include "mocks/opsworks/model.h"
#include "mocks/s3/model.h"

namespace opsreg::mocks {

// The world's clock: virtual (moves only when advanced) in tests and scenarios, or the system
// clock plus an offset in `serve`.
enum class ClockMode { kVirtual, kSystem };

// Where the OpsWorks agent installer lives in the fake S3 (world file "agent_installer").
// DescribeStackProvisioningParameters points at it; the S3 fake holds the tarball built from
// fixtures/agent-installer/.
struct AgentInstaller {
  std::string bucket = "opsworks-instance-agent-us-east-1";
  std::string key = "installer/opsworks-agent-installer.tgz";
  std::string assets_bucket = "opsworks-instance-assets-us-east-1";  // `assets_download_bucket`
};

class World {
 public:
  // Builds a world from a world file's JSON (see fixtures/worlds/README.md). The clock is
  // virtual unless `mode` is kSystem; a virtual clock starts at the file's "clock" instant.
  // Errors are ValidationError naming the offending field.
  static Result<std::unique_ptr<World>> from_json(const nlohmann::json& world, ClockMode mode);
  static Result<std::unique_ptr<World>> from_file(const std::string& path, ClockMode mode);
  // A world file's JSON, unchecked. Errors: ValidationError (unreadable; not JSON, located as
  // PATH:LINE:COLUMN).
  static Result<nlohmann::json> read_file(const std::string& path);
  // The path of the default world (fixtures/worlds/default.json).
  static std::string default_world_path();

  World(const World&) = delete;
  World& operator=(const World&) = delete;

  const Clock& clock() const { return *clock_; }
  TimePoint now() const { return clock_->now(); }
  ClockMode clock_mode() const { return virtual_clock_ ? ClockMode::kVirtual : ClockMode::kSystem; }
  // The world file's "clock" instant (2026-01-01T00:00:00Z by default), whatever the clock mode:
  // when the world's EC2 instances were launched and their volumes attached.
  TimePoint launch_time() const { return launch_time_; }
  // Moves the clock forward; works for both clock modes.
  void advance(std::chrono::microseconds by);
  // A virtual clock also moves at real time's pace while on (a scenario's exec step runs a real
  // process); the system clock always does, so there it changes nothing.
  void follow_real_time(bool on);

  const std::string& account_id() const { return account_id_; }
  const std::string& region() const { return region_; }
  IdSource& ids() { return ids_; }
  // The account's root credentials: the identity `serve` hands to its users.
  const aws::Credentials& operator_credentials() const { return operator_; }

  iam::IamModel& iam() { return iam_; }
  s3::S3Model& s3() { return s3_; }
  opsworks::OpsWorksModel& opsworks() { return opsworks_; }

  // Injected faults (mocks/faults/fault_plan.h): the world file's "faults", then whatever the
  // admin API and scenarios add. Draws use the world file's "seed".
  faults::FaultPlan& faults() { return faults_; }
  const faults::FaultPlan& faults() const { return faults_; }

  const AgentInstaller& agent_installer() const { return agent_installer_; }
  // The simulated machines of the world file's "hosts" (mocks/ssh/host_fleet.h serves them).
  const std::vector<WorldHost>& hosts() const { return hosts_; }
  // The world file's "settings" (fixtures/worlds/README.md); the key pool file once made.
  const WorldSettings& settings() const { return settings_; }

  // Where the edge listens (http://127.0.0.1:PORT), once it does; fakes build URLs from it.
  void set_edge_url(std::string url);
  std::string edge_url() const;

  // The file this world was built from, for a reset.
  const nlohmann::json& source() const { return source_; }
  // The whole state as JSON, secrets left out.
  nlohmann::json snapshot() const;

 private:
  World(const nlohmann::json& source, ClockMode mode, TimePoint start, std::string account_id,
        std::string region, uint64_t seed);
  static Result<std::unique_ptr<World>> build(const nlohmann::json& world, ClockMode mode);
  nlohmann::json ec2_snapshot() const;

  nlohmann::json source_;
  std::unique_ptr<Clock> clock_;
  VirtualClock* virtual_clock_;  // clock_ when virtual, else null
  OffsetClock* offset_clock_;    // clock_ when system, else null
  TimePoint launch_time_;
  std::string account_id_;
  std::string region_;
  IdSource ids_;
  aws::Credentials operator_;
  AgentInstaller agent_installer_;
  std::vector<WorldHost> hosts_;
  WorldSettings settings_;
  iam::IamModel iam_;
  s3::S3Model s3_;
  opsworks::OpsWorksModel opsworks_;
  faults::FaultPlan faults_;
  mutable std::mutex edge_mu_;
  std::string edge_url_;
};

}  // namespace opsreg::mocks
