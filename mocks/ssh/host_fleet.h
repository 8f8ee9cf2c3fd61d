// A world's simulated machines as running SSH servers: one FakeSshHost per world host, and an
// OpenSSH client config that leads each host's name and addresses to its loopback port.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/clock/clock.h"
#include "core/util/result.h"
#include "mocks/base/hosts.h"
#include "mocks/imds/imds_server.h"
#include "mocks/ssh/fake_ssh_host.h"

namespace opsreg::mocks::ssh {

struct FleetOptions {
  // OPSREG_BIN on every host, which the installer's boot-registration runs as the agent.
  // Empty: the running executable (/proc/self/exe).
  std::string opsreg_bin;
  // More variables exported to every host's commands.
  std::map<std::string, std::string> env;
  // For the EC2 hosts' metadata services: the world's time (empty: the system clock), its
  // account, when its instances were launched, and where role credentials come from (empty:
  // every role credentials request answers "no role session source").
  std::function<TimePoint()> now = {};
  std::string account_id = "123456789012";
  TimePoint launch_time = {};
  std::function<Result<imds::RoleCredentials>(const WorldHost&, TimePoint)> role_credentials = {};
  // Each host's SSH faults by host name, read at each use (HostSettings::fault_source), and
  // what moves the clock for a slow host (HostSettings::advance_clock). Empty: none.
  std::function<HostFaults(const std::string& host)> faults = {};
  std::function<void(std::chrono::microseconds)> advance_clock = {};
  // Every host sandboxed (HostSettings::sandbox), with these machine files readable inside.
  bool sandbox = false;
  std::vector<std::filesystem::path> shared_files = {};
  // Every host's HostSettings::login_grace_time and max_startups.
  std::chrono::milliseconds login_grace_time = kDefaultLoginGraceTime;
  std::size_t max_startups = kDefaultMaxStartups;
};

// One running host of the fleet.
struct FleetHost {
  WorldHost host;
  std::unique_ptr<FakeSshHost> ssh;
  std::string username;  // the ssh config's User: the host's first user
  // The 0600 copy (in the fleet's directory) of the private key matching the first user's
  // first authorized key file; empty when that user has no key with a private half in fixtures/.
  std::string identity_file;
  // EC2 hosts: their metadata service, exported to their commands as
  // AWS_EC2_METADATA_SERVICE_ENDPOINT; null and "" for on-premises hosts.
  std::unique_ptr<imds::ImdsServer> imds;
  std::string metadata_url;
};

// Starts every host on 127.0.0.1:0 and writes, in a fresh temporary directory:
//   ssh_config   one block per host:
//                  Host NAME PRIVATE_IP PUBLIC_IP
//                    HostName 127.0.0.1 / Port N / User U / IdentityFile KEY (if any) /
//                    IdentitiesOnly yes / UserKnownHostsFile DIR/known_hosts /
//                    StrictHostKeyChecking accept-new
//   known_hosts  each host's key as [127.0.0.1]:PORT, so the first login asks nothing
//   keys/        0600 copies of the fixture private keys (git does not keep file modes)
// so `ssh -F DIR/ssh_config ADDRESS` and `opsreg register --ssh-config DIR/ssh_config ADDRESS`
// both reach the host. An EC2 host also gets its metadata service (mocks/imds), exported to
// its commands as AWS_EC2_METADATA_SERVICE_ENDPOINT, and a <root>/proc/mounts listing its
// volumes that have a mount point ("DEVICE MOUNTPOINT ext4 rw,relatime 0 0"). Errors: those of
// FakeSshHost::start, "HostSetupFailed" (files).
class HostFleet {
 public:
  static Result<std::unique_ptr<HostFleet>> start(const std::vector<WorldHost>& hosts,
                                                  FleetOptions options = {});
  ~HostFleet();  // stops every host, then removes the directory
  HostFleet(const HostFleet&) = delete;
  HostFleet& operator=(const HostFleet&) = delete;

  const std::vector<FleetHost>& hosts() const { return hosts_; }
  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path ssh_config_path() const { return dir_ / "ssh_config"; }
  std::filesystem::path known_hosts_path() const { return dir_ / "known_hosts"; }

 private:
  HostFleet() = default;
  Result<std::string> private_key_copy(const WorldHostUser& user);
  Status write_files() const;

  std::filesystem::path dir_;
  std::vector<FleetHost> hosts_;
  std::map<std::filesystem::path, std::string> key_copies_;  // fixture key -> its 0600 copy
};

}  // namespace opsreg::mocks::ssh
