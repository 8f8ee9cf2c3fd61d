// The opsreg subcommands, each a function from its arguments to an exit status:
// 0 success, 1 the operation failed, 2 usage error, for every subcommand.
#pragma once

#include <string>
#include <vector>

namespace opsreg::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

using Args = std::vector<std::string>;

int serve_main(const Args& args);
int register_main(const Args& args);        // register.cc
int register_fleet_main(const Args& args);  // register_fleet.cc
int agent_main(const Args& args);           // agent.cc
int scenario_main(const Args& args);        // scenario.cc
int conform_main(const Args& args);         // conform.cc
int expect_main(const Args& args);          // expect.cc

}  // namespace opsreg::cli
