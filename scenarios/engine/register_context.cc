// register_context: the world's client environment and clock, output gathered in one string.
#include "scenarios/engine/register_context.h"

namespace opsreg::scenarios {

registration::CommandContext register_context(ScenarioWorld& w, const aws::Credentials& creds,
                                              std::optional<std::string> ssh_password,
                                              std::string* output) {
  registration::CommandContext context;
  context.env = w.harness().client_env(creds);
  context.client_deps = w.client_deps();
  context.clock = &w.world().clock();
  context.progress = [output](const std::string& line) { *output += line + "\n"; };
  context.io.output = [output](std::string_view data) { *output += data; };
  context.io.notice = [output](const std::string& line) { *output += line + "\n"; };
  context.io.password = [ssh_password](const std::string&) { return ssh_password; };
  return context;
}

}  // namespace opsreg::scenarios
