// Finding the data folder at run time: the environment's override, else beside the executable.
#include "core/util/data_dir.h"

#include <cstdlib>
#include <system_error>

namespace opsreg {

namespace fs = std::filesystem;

namespace {

const char* forced_data_dir() {
  const char* forced = std::getenv("OPSREG_DATA_DIR");
  return forced && *forced ? forced : nullptr;
}

fs::path executable() {
  std::error_code ec;
  return fs::read_symlink("/proc/self/exe", ec);
}

}  // namespace

fs::path data_dir() {
  if (const char* forced = forced_data_dir()) return forced;
  std::error_code ec;
  fs::path exe_dir = executable().parent_path();
  fs::path installed = exe_dir.parent_path() / "share/opsreg";
  if (fs::is_directory(installed / "fixtures", ec)) return installed;
  return exe_dir / "share/opsreg";
}

fs::path fixtures_dir() { return data_dir() / "fixtures"; }

std::string data_dir_problem() {
  std::error_code ec;
  if (fs::is_directory(fixtures_dir(), ec)) return "";
  if (const char* forced = forced_data_dir())
    return std::string("opsreg's data folder ") + forced +
           " (OPSREG_DATA_DIR) has no fixtures/ folder: point OPSREG_DATA_DIR at an installed "
           "PREFIX/share/opsreg, or unset it";
  fs::path exe = executable();
  return "opsreg's data folder is missing: neither " +
         (exe.parent_path().parent_path() / "share/opsreg").string() + " nor " +
         (exe.parent_path() / "share/opsreg").string() + " (beside " + exe.string() +
         ") has a fixtures/ folder; install opsreg with its data (cmake --install) or set "
         "OPSREG_DATA_DIR to its PREFIX/share/opsreg";
}

std::string cannot_read(const fs::path& path) {
  std::string problem = data_dir_problem();
  return "cannot read " + path.string() + (problem.empty() ? "" : ": " + problem);
}

}  // namespace opsreg
