// `opsreg register ...`: placeholder until the procedure lands.
#include "cli/command.h"
namespace opsreg::cli {
int register_main(const Args&) { return kExitFailed; }
}  // namespace opsreg::cli
