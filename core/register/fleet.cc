// register_fleet: a pool of worker threads taking the next target from a shared index.
#include "core/register/fleet.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

namespace opsreg::registration {

size_t FleetReport::registered() const {
  return std::count_if(members.begin(), members.end(), [](const FleetMember& m) { return m.ok; });
}

size_t FleetReport::failed() const { return members.size() - registered(); }

std::map<std::string, size_t> FleetReport::errors() const {
  std::map<std::string, size_t> out;
  for (const FleetMember& m : members)
    if (!m.ok) ++out[m.error_code];
  return out;
}

nlohmann::json FleetReport::to_json() const {
  nlohmann::json instances = nlohmann::json::object(), failures = nlohmann::json::object();
  for (const FleetMember& m : members) {
    if (m.ok)
      instances[m.target] = m.instance_id;
    else
      failures[m.target] = m.error_code + ": " + m.message;
  }
  return {{"targets", members.size()}, {"registered", registered()}, {"failed", failed()},
          {"errors", errors()},        {"instances", instances},     {"failures", failures}};
}

FleetProgressLine::FleetProgressLine() : on_(isatty(STDERR_FILENO) == 1) {}

FleetProgressLine::~FleetProgressLine() {
  if (on_) std::fputs("\r\033[K", stderr);
}

void FleetProgressLine::show(size_t done, size_t failed, size_t total) {
  if (on_) std::fprintf(stderr, "\rregistering: %zu/%zu (%zu failed)", done, total, failed);
}

namespace {

FleetMember register_one(const Arguments& args, const std::string& target,
                         const CommandContext& context) {
  FleetMember m;
  m.target = target;
  Arguments one = args;
  one.target = target;
  auto ran = run_register_command(one, context);
  if (!ran.ok()) {
    m.error_code = ran.error().code;
    m.message = ran.error().message;
  } else if (!ran->ok()) {
    m.error_code = ran->failure->error.code;
    m.message = ran->failure->message();
  } else {
    m.ok = true;
    m.instance_id = ran->outcome.instance_id;
  }
  return m;
}

}  // namespace

FleetReport register_fleet(const Arguments& args, const std::vector<std::string>& targets,
                           const FleetOptions& options) {
  FleetReport report;
  report.members.resize(targets.size());
  std::atomic<size_t> next{0};
  std::mutex mu;
  size_t done = 0, failed = 0;
  auto work = [&] {
    for (size_t i = next++; i < targets.size(); i = next++) {
      report.members[i] = register_one(args, targets[i], options.context_for(targets[i]));
      std::lock_guard lock(mu);
      ++done;
      if (!report.members[i].ok) ++failed;
      if (options.progress) options.progress(done, failed, targets.size());
    }
  };
  size_t n = std::clamp<size_t>(options.concurrency, 1, std::max<size_t>(targets.size(), 1));
  std::vector<std::thread> workers;
  for (size_t i = 1; i < n; ++i) workers.emplace_back(work);
  work();  // this thread is one of the workers
  for (auto& t : workers) t.join();
  return report;
}

}  // namespace opsreg::registration
