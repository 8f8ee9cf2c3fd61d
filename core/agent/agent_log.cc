// Appending timestamped lines to the agent's log file on its host, echoed to the terminal
// that ran boot-registration.
#include "core/agent/agent_log.h"

#include <filesystem>
#include <ostream>

#include "core/clock/time_format.h"

namespace opsreg::agent {

AgentLog::AgentLog(const AgentHost& host, const Clock& clock, std::ostream* echo)
    : clock_(clock), echo_(echo), path_(host.path(kAgentLogPath)) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path_).parent_path(), ec);
  file_.open(path_, std::ios::app);
  if (!file_) open_error_ = "cannot open " + path_;
}

void AgentLog::info(const std::string& line) { write("INFO", line); }
void AgentLog::error(const std::string& line) { write("ERROR", line); }

void AgentLog::write(const char* level, const std::string& line) {
  std::string text = "[" + format_iso8601(clock_.now()) + "] " + level + " -- : " + line + "\n";
  if (file_) {
    file_ << text;
    file_.flush();
  }
  if (echo_) {
    *echo_ << "opsworks-agent: " << line << "\n";
    echo_->flush();
  }
}

}  // namespace opsreg::agent
