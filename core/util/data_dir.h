// Where opsreg finds its data (worlds, fixture keys, the agent installer, conformance cases, the
// OpsWorks model, the scenario library, the docs): a folder laid out as the source tree's
// `fixtures/`, `scenarios/library/` and `docs/`, found at run time, never through a path fixed
// when the binary was built.
#pragma once

#include <filesystem>

namespace opsreg {

// The data folder, in this order: $OPSREG_DATA_DIR; `share/opsreg` beside the executable's
// folder (an installed prefix: PREFIX/bin/opsreg and PREFIX/share/opsreg); `share/opsreg` in
// the executable's own folder (a build tree). The first that exists; the last when none does.
std::filesystem::path data_dir();

// data_dir() / "fixtures": worlds/, ssh/, ec2/, conformance/, aws-models/, agent-installer/.
std::filesystem::path fixtures_dir();

}  // namespace opsreg
