// World construction from a world file, clock control and the snapshot.
#include "mocks/world/world.h"

#include <algorithm>
#include <sstream>

#include "core/clock/time_format.h"
#include "core/util/data_dir.h"
#include "core/util/json_file.h"
#include "core/util/nearest.h"
#include "mocks/base/host_groups.h"
#include "mocks/world/agent_key_pool.h"

namespace opsreg::mocks {

namespace {
aws::Error invalid(const std::string& what) {
  return aws::make_error("ValidationError", "world file: " + what);
}
}  // namespace

World::World(const nlohmann::json& source, ClockMode mode, TimePoint start, std::string account_id,
             std::string region, uint64_t seed)
    : source_(source),
      clock_(mode == ClockMode::kVirtual ? std::unique_ptr<Clock>(new VirtualClock(start))
                                         : std::unique_ptr<Clock>(new OffsetClock())),
      virtual_clock_(dynamic_cast<VirtualClock*>(clock_.get())),
      offset_clock_(dynamic_cast<OffsetClock*>(clock_.get())),
      launch_time_(start),
      account_id_(std::move(account_id)),
      region_(std::move(region)),
      ids_(seed),
      iam_(account_id_, *clock_, ids_),
      s3_(*clock_),
      opsworks_(account_id_, region_, *clock_, ids_),
      faults_(seed) {}

std::string World::default_world_path() { return fixtures_dir().string() + "/worlds/default.json"; }

Result<nlohmann::json> World::read_file(const std::string& path) {
  // "cannot read PATH", or "PATH:LINE:COLUMN: invalid JSON: …".
  auto j = read_json_file(path);
  if (!j.ok()) return invalid(j.error().message);
  return j;
}

Result<std::unique_ptr<World>> World::from_file(const std::string& path, ClockMode mode) {
  auto j = read_file(path);
  if (!j.ok()) return j.error();
  return from_json(*j, mode);
}

Result<std::unique_ptr<World>> World::from_json(const nlohmann::json& j, ClockMode mode) {
  // A value of the wrong JSON type anywhere in the file is a bad world file, not a crash.
  try {
    return build(j, mode);
  } catch (const nlohmann::json::exception& e) {
    return invalid(std::string("a value has the wrong type: ") + e.what());
  }
}

Result<std::unique_ptr<World>> World::build(const nlohmann::json& j, ClockMode mode) {
  if (!j.is_object()) return invalid("the top level must be an object");
  // A misspelt member ("hostz") would silently leave the world without what it meant.
  static const std::vector<std::string> kMembers = {
      "account_id",      "clock",    "region",      "seed",   "operator",
      "agent_installer", "settings", "identities",  "roles",  "buckets",
      "stacks",          "hosts",    "host_groups", "faults", "comment"};
  for (const auto& [key, value] : j.items())
    if (std::find(kMembers.begin(), kMembers.end(), key) == kMembers.end())
      return invalid("unknown member \"" + key + "\"" + did_you_mean(key, kMembers) +
                     " (known: " + join_words(kMembers) + ")");
  // Every world takes files from the data folder (the agent installer, fixture keys).
  if (std::string problem = data_dir_problem(); !problem.empty()) return invalid(problem);
  std::string account = j.value("account_id", "123456789012");
  if (account.size() != 12 || account.find_first_not_of("0123456789") != std::string::npos)
    return invalid("account_id must be 12 digits");
  std::string start_text = j.value("clock", "2026-01-01T00:00:00Z");
  auto start = parse_iso8601(start_text);
  if (!start) return invalid("clock must be an ISO 8601 instant like 2026-01-01T00:00:00Z");
  std::unique_ptr<World> w(new World(j, mode, *start, account, j.value("region", "us-east-1"),
                                     j.value("seed", uint64_t{1})));
  const auto& op = j.value("operator", nlohmann::json::object());
  w->operator_.access_key_id = op.value("access_key_id", "AKIAOPSREGOPERATOR01");
  w->operator_.secret_access_key =
      op.value("secret_access_key", "opsreg/operator/secret/key/000000000000000");
  const auto& installer = j.value("agent_installer", nlohmann::json::object());
  w->agent_installer_.bucket = installer.value("bucket", w->agent_installer_.bucket);
  w->agent_installer_.key = installer.value("key", w->agent_installer_.key);
  w->agent_installer_.assets_bucket =
      installer.value("assets_bucket", w->agent_installer_.assets_bucket);
  auto settings = parse_world_settings(j.value("settings", nlohmann::json()));
  if (!settings.ok()) return settings.error();
  w->settings_ = *settings;
  w->opsworks_.set_agent_contact_rule(w->settings_.agent_contact_interval,
                                      w->settings_.agent_missed_contacts);
  if (w->settings_.agent_key_pool > 0) {
    auto pool = agent_key_pool_file(w->settings_.agent_key_pool, agent_key_pool_fixture());
    if (!pool.ok()) return invalid("settings: agent_key_pool: " + pool.error().message);
    w->settings_.agent_key_pool_file = *pool;
  }
  w->iam_.set_quotas(w->settings_.iam_quotas);
  w->iam_.add_root_key(w->operator_.access_key_id, w->operator_.secret_access_key);
  if (Status s = w->iam_.load(j.value("identities", nlohmann::json::array()),
                              j.value("roles", nlohmann::json::array()));
      !s.ok())
    return s.error();
  // After the world file's own identities and roles: those are in effect from the start.
  w->iam_.set_propagation_delay(w->settings_.iam_propagation_delay);
  if (Status s = w->s3_.load(j.value("buckets", nlohmann::json::array()), fixtures_dir()); !s.ok())
    return s.error();
  if (Status s = w->s3_.install_agent_installer(w->agent_installer_.bucket, w->agent_installer_.key,
                                                w->agent_installer_.assets_bucket,
                                                fixtures_dir().string() + "/agent-installer");
      !s.ok())
    return s.error();
  if (Status s = w->opsworks_.load(j.value("stacks", nlohmann::json::array())); !s.ok())
    return s.error();
  auto hosts = parse_hosts(j.value("hosts", nlohmann::json()), fixtures_dir(), w->region_);
  if (!hosts.ok()) return hosts.error();
  hosts = expand_host_groups(j.value("host_groups", nlohmann::json()), std::move(*hosts),
                             fixtures_dir(), w->region_, j.value("seed", uint64_t{1}));
  if (!hosts.ok()) return hosts.error();
  w->hosts_ = std::move(*hosts);
  std::vector<std::string> names = host_names(w->hosts_);
  if (j.contains("faults"))
    if (Status s = w->faults_.add_json(j["faults"], &names); !s.ok())
      return invalid(s.error().message);
  return w;
}

void World::advance(std::chrono::microseconds by) {
  if (virtual_clock_) virtual_clock_->advance(by);
  if (offset_clock_) offset_clock_->advance(by);
}

void World::follow_real_time(bool on) {
  if (virtual_clock_) virtual_clock_->follow_real_time(on);
}

void World::set_edge_url(std::string url) {
  std::lock_guard lock(edge_mu_);
  edge_url_ = std::move(url);
}

std::string World::edge_url() const {
  std::lock_guard lock(edge_mu_);
  return edge_url_;
}

// The EC2 side of the hosts: instance id, state, addresses, tags, volumes, Elastic IPs.
nlohmann::json World::ec2_snapshot() const {
  nlohmann::json instances = nlohmann::json::array();
  for (const WorldHost& h : hosts_) {
    if (!h.ec2) continue;
    const WorldEc2Instance& e = *h.ec2;
    nlohmann::json volumes = nlohmann::json::array();
    for (const WorldVolume& v : e.volumes)
      volumes.push_back({{"VolumeId", v.volume_id},
                         {"Device", v.device},
                         {"Size", v.size},
                         {"VolumeType", v.volume_type},
                         {"MountPoint", v.mount_point}});
    nlohmann::json eips = nlohmann::json::array();
    for (const WorldElasticIp& a : e.elastic_ips)
      eips.push_back({{"PublicIp", a.public_ip}, {"AllocationId", a.allocation_id}});
    instances.push_back({{"Hostname", h.name},
                         {"InstanceId", e.instance_id},
                         {"State", e.state},
                         {"Region", e.region},
                         {"AvailabilityZone", e.availability_zone},
                         {"VpcId", e.vpc_id},
                         {"SubnetId", e.subnet_id},
                         {"InstanceType", e.instance_type},
                         {"ImageId", e.image_id},
                         {"PrivateIpAddress", h.private_ip},
                         {"PublicIpAddress", h.public_ip},
                         {"Tags", e.tags},
                         {"InstanceProfileRole", e.instance_profile_role},
                         {"Volumes", volumes},
                         {"ElasticIps", eips}});
  }
  return {{"instances", instances}};
}

nlohmann::json World::snapshot() const {
  return {{"account_id", account_id_},
          {"region", region_},
          {"clock", format_iso8601_millis(clock_->now())},
          {"iam", iam_.snapshot()},
          {"s3", s3_.snapshot()},
          {"opsworks", opsworks_.snapshot()},
          {"ec2", ec2_snapshot()}};
}

}  // namespace opsreg::mocks
