// Starting a world's hosts and writing the OpenSSH client config, known_hosts and 0600 key
// copies that let stock `ssh` and `opsreg register` reach them by name or address.
#include "mocks/ssh/host_fleet.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace opsreg::mocks::ssh {

namespace {

namespace fs = std::filesystem;

aws::Error setup_failed(const std::string& what) {
  return aws::make_error("HostSetupFailed", "host fleet: " + what, 0);
}

std::string self_path() {
  std::error_code ec;
  auto p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? "opsreg" : p.string();
}

// Writes `data` to a new file created with mode 0600 (never wider, even for a moment).
Status write_private(const fs::path& path, const std::string& data) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return setup_failed("cannot create " + path.string());
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n <= 0) {
      ::close(fd);
      return setup_failed("cannot write " + path.string());
    }
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  return {};
}

imds::ImdsOptions imds_options(const WorldHost& h, const FleetOptions& options) {
  imds::ImdsOptions o;
  o.account_id = options.account_id;
  o.launch_time = options.launch_time;
  o.now = options.now;
  if (options.role_credentials) {
    auto source = options.role_credentials;
    o.role_credentials = [source, h](TimePoint now) { return source(h, now); };
  }
  return o;
}

// <root>/proc/mounts: the volumes of the world that the instance has mounted.
Status write_mounts(const fs::path& root, const WorldEc2Instance& ec2) {
  std::error_code ec;
  fs::create_directories(root / "proc", ec);
  std::ofstream out(root / "proc/mounts", std::ios::trunc);
  for (const WorldVolume& v : ec2.volumes)
    if (!v.mount_point.empty())
      out << v.device << " " << v.mount_point << " ext4 rw,relatime 0 0\n";
  out.close();
  if (ec || !out) return setup_failed("cannot write " + (root / "proc/mounts").string());
  return {};
}

}  // namespace

Result<std::unique_ptr<HostFleet>> HostFleet::start(const std::vector<WorldHost>& hosts,
                                                    FleetOptions options) {
  std::unique_ptr<HostFleet> fleet(new HostFleet());
  std::string tmpl = (fs::temp_directory_path() / "opsreg-fleet.XXXXXX").string();
  if (!mkdtemp(tmpl.data())) return setup_failed("cannot make a temporary directory");
  fleet->dir_ = tmpl;
  std::error_code ec;
  fs::create_directory(fleet->dir_ / "keys", ec);
  if (ec) return setup_failed("cannot make " + (fleet->dir_ / "keys").string());

  for (const WorldHost& h : hosts) {
    HostSettings s;
    s.hostname = h.name;
    s.private_ip = h.private_ip;
    s.public_ip = h.public_ip;
    s.env = options.env;
    s.env["OPSREG_BIN"] = options.opsreg_bin.empty() ? self_path() : options.opsreg_bin;
    if (options.faults)
      s.fault_source = [source = options.faults, name = h.name] { return source(name); };
    s.advance_clock = options.advance_clock;
    s.sandbox = options.sandbox;
    s.shared_files = options.shared_files;
    s.login_grace_time = options.login_grace_time;
    s.max_startups = options.max_startups;
    for (const WorldHostUser& u : h.users)
      s.users.push_back({u.name, u.authorized_keys, u.password});
    auto key = fleet->private_key_copy(h.users.front());
    if (!key.ok()) return key.error();
    std::unique_ptr<imds::ImdsServer> metadata;
    if (h.ec2) {
      auto started_imds = imds::ImdsServer::start(h, imds_options(h, options));
      if (!started_imds.ok()) return started_imds.error();
      metadata = std::move(*started_imds);
      s.env["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = metadata->url();
    }
    auto started = FakeSshHost::start(std::move(s));
    if (!started.ok()) return started.error();
    if (h.ec2)
      if (Status st = write_mounts((*started)->root(), *h.ec2); !st.ok()) return st.error();
    std::string url = metadata ? metadata->url() : "";
    fleet->hosts_.push_back(
        {h, std::move(*started), h.users.front().name, *key, std::move(metadata), url});
  }
  if (Status s = fleet->write_files(); !s.ok()) return s.error();
  return fleet;
}

HostFleet::~HostFleet() {
  std::vector<FakeSshHost*> running;
  for (FleetHost& h : hosts_) running.push_back(h.ssh.get());
  FakeSshHost::stop_all(running);  // all at once, one sweep for their leftovers
  hosts_.clear();                  // before their files go
  std::error_code ec;
  if (!dir_.empty()) fs::remove_all(dir_, ec);
}

// The private half of the user's first authorized key file that has one (FILE.pub -> FILE),
// copied once per fleet to keys/ with mode 0600; "" when there is none.
Result<std::string> HostFleet::private_key_copy(const WorldHostUser& user) {
  for (const fs::path& pub : user.authorized_key_files) {
    if (pub.extension() != ".pub") continue;
    fs::path source = fs::path(pub).replace_extension();
    if (auto it = key_copies_.find(source); it != key_copies_.end()) return it->second;
    std::ifstream in(source, std::ios::binary);
    if (!in) continue;
    std::stringstream data;
    data << in.rdbuf();
    fs::path copy = dir_ / "keys" / source.filename();
    for (int n = 2; fs::exists(copy); ++n)
      copy = dir_ / "keys" / (source.filename().string() + "-" + std::to_string(n));
    if (Status s = write_private(copy, data.str()); !s.ok()) return s.error();
    key_copies_[source] = copy.string();
    return copy.string();
  }
  return std::string();
}

Status HostFleet::write_files() const {
  std::ostringstream config, known;
  config << "# OpenSSH client config for opsreg's simulated hosts: ssh -F "
         << ssh_config_path().string() << " HOST\n";
  for (const FleetHost& f : hosts_) {
    const WorldHost& h = f.host;
    config << "\nHost " << h.name << " " << h.private_ip
           << (h.public_ip.empty() ? "" : " " + h.public_ip) << "\n  HostName 127.0.0.1\n  Port "
           << f.ssh->port() << "\n  User " << f.username << "\n";
    if (!f.identity_file.empty())
      config << "  IdentityFile " << f.identity_file << "\n  IdentitiesOnly yes\n";
    config << "  UserKnownHostsFile " << known_hosts_path().string()
           << "\n  StrictHostKeyChecking accept-new\n";
    known << "[127.0.0.1]:" << f.ssh->port() << " " << f.ssh->host_public_key() << "\n";
  }
  std::ofstream config_file(ssh_config_path()), known_file(known_hosts_path());
  config_file << config.str();
  known_file << known.str();
  if (!config_file.flush() || !known_file.flush())
    return setup_failed("cannot write the ssh config in " + dir_.string());
  return {};
}

}  // namespace opsreg::mocks::ssh
