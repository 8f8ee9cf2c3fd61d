// The agents' contact rounds on the world clock: stepping an advance through its last ticks,
// the serve timer, and one round over the running hosts.
#include "mocks/agents/agent_runner.h"

#include <algorithm>

#include "core/agent/agent_config.h"
#include "core/agent/agent_log.h"
#include "core/agent/instance_identity.h"
#include "mocks/agents/edge_transport.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::agents {

namespace {

using std::chrono::microseconds;

// The index of the last tick at or before `t` (ticks: whole multiples of `interval`).
int64_t tick_of(TimePoint t, microseconds interval) {
  auto since_epoch = std::chrono::duration_cast<microseconds>(t.time_since_epoch());
  return since_epoch.count() / interval.count();
}

TimePoint tick_time(int64_t tick, microseconds interval) {
  return TimePoint(std::chrono::duration_cast<TimePoint::duration>(interval * tick));
}

}  // namespace

SiteList sites_of(const ssh::HostFleet& fleet) {
  return [&fleet] {
    std::vector<AgentSite> sites;
    for (const auto& f : fleet.hosts()) {
      AgentSite site{f.host.name, f.ssh->root_path(), {}};  // an idle host's tree is not made
      if (!f.metadata_url.empty()) {  // an EC2 host: its instance profile, through its IMDS
        config::MetadataOptions imds;
        imds.endpoint = f.metadata_url;
        site.instance_credentials = agent::instance_profile_credentials(imds);
      }
      sites.push_back(std::move(site));
    }
    return sites;
  };
}

AgentRunner::AgentRunner(Edge& edge, SiteList sites)
    : edge_(edge),
      sites_(std::move(sites)),
      transport_(std::make_shared<EdgeTransport>(edge)),
      done_until_(edge.world()->now()) {}

AgentRunner::~AgentRunner() { stop(); }

// Why only the last (threshold + 1) ticks of an advance are simulated: during an advance
// nothing but the clock changes — no IAM call, no key rotation, no config written can happen
// between two of its ticks — so every contact of the advance meets the same credentials and
// gets the same answer (instance-profile credentials, the one thing that expires with time,
// are fetched afresh at each simulated tick, so they are as valid at the last tick as at the
// first; policies are not evaluated on contacts). The status the advance ends with depends
// only on the instance's last good contact: if the contacts are good, the last one is at the
// last tick; if they are refused, it is where it was before the advance. Both are decided by
// the last ticks alone, so the earlier ones are skipped (the clock jumps over them), and a
// 90-day advance costs no more contacts than a few minutes' one.
void AgentRunner::advance(microseconds by) {
  std::lock_guard lock(run_mu_);
  std::shared_ptr<World> world = edge_.world();
  const microseconds interval = world->settings().agent_contact_interval;
  const int64_t kept = world->settings().agent_missed_contacts + 1;
  const TimePoint start = world->now();
  const TimePoint end = start + by;
  done_until_ = std::min(done_until_, start);  // a reset world's clock may be behind
  const int64_t last = tick_of(end, interval);
  int64_t first = std::max(tick_of(start, interval), tick_of(done_until_, interval)) + 1;
  first = std::max(first, last - kept + 1);
  // Planned positions, not clock readings: a system clock moves on by itself meanwhile, and the
  // clock must end exactly `by` further on.
  TimePoint at = start;
  for (int64_t tick = first; tick <= last; ++tick) {
    TimePoint t = tick_time(tick, interval);
    world->advance(std::chrono::duration_cast<microseconds>(t - at));
    at = t;
    round(*world);
  }
  world->advance(std::chrono::duration_cast<microseconds>(end - at));
  done_until_ = std::max(done_until_, end);
}

int AgentRunner::run_due() {
  std::lock_guard lock(run_mu_);
  return run_due_locked();
}

int AgentRunner::run_due_if_idle() {
  std::unique_lock lock(run_mu_, std::try_to_lock);
  return lock.owns_lock() ? run_due_locked() : 0;
}

int AgentRunner::run_due_locked() {
  std::shared_ptr<World> world = edge_.world();
  const microseconds interval = world->settings().agent_contact_interval;
  TimePoint now = world->now();
  done_until_ = std::min(done_until_, now);  // a reset world's clock may be behind
  if (tick_of(now, interval) <= tick_of(done_until_, interval)) return 0;
  done_until_ = now;
  return round(*world);
}

int AgentRunner::round(World& world) {
  int made = 0;
  for (const AgentSite& site : sites_()) {
    agent::AgentHost host;
    host.root = site.root.string();
    host.hostname = site.name;
    std::error_code ec;
    if (!std::filesystem::exists(host.path(agent::kAgentConfigPath), ec)) continue;
    agent::AgentLog log(host, world.clock(), nullptr);
    agent::ContactOptions options;
    options.deps.transport = transport_;
    // Non-owning: the caller holds the world for the whole round.
    options.deps.clock = std::shared_ptr<const Clock>(std::shared_ptr<void>(), &world.clock());
    options.deps.sleeper = [](std::chrono::milliseconds) {};  // no real waits between retries
    options.deps.random = [] { return 0.0; };
    options.instance_credentials = site.instance_credentials;
    options.log = [&log](const std::string& line) { log.info(line); };
    (void)agent::agent_contact(host, options);  // the outcome is in the agent log and the world
    ++made;
    ++contacts_;
  }
  return made;
}

void AgentRunner::start_timer() {
  std::lock_guard lock(timer_mu_);
  if (timer_.joinable() || stopped_) return;
  stopping_ = false;
  timer_ = std::thread([this] { timer_loop(); });
}

void AgentRunner::stop_timer() {
  std::thread ending;
  {
    std::lock_guard lock(timer_mu_);
    stopping_ = true;
    ending = std::move(timer_);
  }
  timer_cv_.notify_all();
  if (ending.joinable()) ending.join();
}

void AgentRunner::stop() {
  {
    std::lock_guard lock(timer_mu_);
    stopped_ = true;
  }
  stop_timer();
}

void AgentRunner::timer_loop() {
  std::unique_lock lock(timer_mu_);
  while (!stopping_) {
    std::shared_ptr<World> world = edge_.world();
    const microseconds interval = world->settings().agent_contact_interval;
    TimePoint now = world->now();
    TimePoint next = tick_time(tick_of(now, interval) + 1, interval);
    world.reset();
    // At most one interval at a time: the admin API may move the clock meanwhile.
    auto wait = std::min(
        std::chrono::duration_cast<microseconds>(next - now) + std::chrono::milliseconds(1),
        interval);
    if (timer_cv_.wait_for(lock, wait, [this] { return stopping_; })) break;
    lock.unlock();
    run_due();
    lock.lock();
  }
}

}  // namespace opsreg::mocks::agents
