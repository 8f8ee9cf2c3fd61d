// The world's simulated agents after registration: every host whose tree holds an agent config
// contacts OpsWorks at each interval tick the world clock passes (our model, docs/agent.md).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/agent/agent_contact.h"
#include "mocks/edge/edge.h"
#include "mocks/ssh/host_fleet.h"

namespace opsreg::mocks::agents {

// A running host as the runner sees it.
struct AgentSite {
  std::string name;
  std::filesystem::path root;  // the host's "/" (its tree)
  // Instance-profile credentials for an agent config without a key (an EC2 host's instance
  // metadata service); empty for hosts without one. Called afresh at every contact.
  agent::CredentialSource instance_credentials;
};

// The hosts to drive, asked at every round (hosts may come and go).
using SiteList = std::function<std::vector<AgentSite>()>;

// Every host of `fleet`; an EC2 host's agent takes instance-profile credentials from that
// host's metadata service. `fleet` must outlive the returned list's use.
SiteList sites_of(const ssh::HostFleet& fleet);

// Drives the agents' contacts on the world's clock. Ticks are the instants that are whole
// multiples of the world's agent_contact_interval (since the Unix epoch); at each tick every
// site whose tree has etc/aws/opsworks/instance-agent.yml makes one contact (agent_contact.h)
// through the edge in-process, signed at the world's time, and logs it to its agent log.
// Thread-safe: rounds and advances are serialised.
class AgentRunner {
 public:
  // `edge` must outlive the runner; its current world (edge.world()) is used at each round,
  // so a reset world is picked up. Ticks up to the clock's time now count as done.
  AgentRunner(Edge& edge, SiteList sites);
  ~AgentRunner();  // stop()
  AgentRunner(const AgentRunner&) = delete;
  AgentRunner& operator=(const AgentRunner&) = delete;

  // Moves the world's clock forward by `by`, stopping at the ticks it passes to make their
  // contacts: only the last (agent_missed_contacts + 1), so that 90 days cost what a few
  // minutes do. What POST /_opsreg/clock/advance calls (AdminHooks::advance_clock).
  void advance(std::chrono::microseconds by);

  // Makes one round of contacts at the clock's time when a tick has passed since the last
  // round (e.g. the system clock moved on); returns the number of contacts made.
  int run_due();
  // The same unless the runner is busy (a round or an advance under way, possibly the caller's
  // own: a fault's clock jump inside an agent's contact), then 0. For the edge's clock listener.
  int run_due_if_idle();

  // For a world on the system clock (`opsreg serve`): a thread that waits (condition variable
  // with timeout, never a sleep) until the next tick and calls run_due(). Idempotent.
  void start_timer();
  // Stops the timer thread and waits for it; start_timer() may start it again (a scenario's
  // exec step runs the agents on the timer only while its process runs). Idempotent.
  void stop_timer();
  // Stops the timer thread for good (the runner is going away). Idempotent.
  void stop();

  // Contacts made since construction (good or refused).
  int64_t contacts_made() const { return contacts_.load(); }

 private:
  int round(World& world);
  int run_due_locked();  // run_due with run_mu_ held
  void timer_loop();

  Edge& edge_;
  SiteList sites_;
  std::shared_ptr<http::Transport> transport_;
  std::mutex run_mu_;     // serialises rounds and advances
  TimePoint done_until_;  // every tick up to here is done or skipped (guarded by run_mu_)
  std::atomic<int64_t> contacts_{0};

  std::mutex timer_mu_;
  std::condition_variable timer_cv_;
  bool stopping_ = false;  // guarded by timer_mu_: the timer thread is to end
  bool stopped_ = false;   // guarded by timer_mu_: stop() was called, no timer again
  std::thread timer_;
};

}  // namespace opsreg::mocks::agents
