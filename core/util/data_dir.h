// Where opsreg finds its data (worlds, fixture keys, the agent installer, conformance cases, the
// OpsWorks model, the scenario library, the docs): a folder laid out as the source tree's
// `fixtures/`, `scenarios/library/` and `docs/`, found at run time, never through a path fixed
// when the binary was built.
#pragma once

#include <filesystem>
#include <string>

namespace opsreg {

// The data folder, in this order: $OPSREG_DATA_DIR; `share/opsreg` beside the executable's
// folder (an installed prefix: PREFIX/bin/opsreg and PREFIX/share/opsreg); `share/opsreg` in
// the executable's own folder (a build tree). The first that exists; the last when none does.
std::filesystem::path data_dir();

// data_dir() / "fixtures": worlds/, ssh/, ec2/, conformance/, aws-models/, agent-installer/.
std::filesystem::path fixtures_dir();

// "" when data_dir() holds a fixtures/ folder; otherwise a sentence saying which folder was
// looked at and why (OPSREG_DATA_DIR, or beside which executable), for the error a command
// prints instead of "cannot read <some file>".
std::string data_dir_problem();

// "cannot read PATH", followed by data_dir_problem() when there is one: what a moved or
// half-installed opsreg says when one of its files is not there.
std::string cannot_read(const std::filesystem::path& path);

}  // namespace opsreg
