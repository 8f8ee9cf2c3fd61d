// The agent's log on its host (<root>/var/log/aws/opsworks/opsworks-agent.log): one line per
// thing the agent did, timestamped, never a secret.
#pragma once

#include <fstream>
#include <string>

#include "core/agent/agent_host.h"
#include "core/clock/clock.h"

namespace opsreg::agent {

class AgentLog {
 public:
  // Opens (creating directories; appending) the log under `host`'s root. When it cannot be
  // opened, lines still go to `echo`, and error() says why.
  AgentLog(const AgentHost& host, const Clock& clock, std::ostream* echo);

  // Writes "[2026-01-01T00:00:00Z] INFO -- : line" (level "ERROR" for errors).
  void info(const std::string& line);
  void error(const std::string& line);

  const std::string& path() const { return path_; }
  const std::string& open_error() const { return open_error_; }

 private:
  void write(const char* level, const std::string& line);
  const Clock& clock_;
  std::ostream* echo_;
  std::string path_;
  std::ofstream file_;
  std::string open_error_;
};

}  // namespace opsreg::agent
