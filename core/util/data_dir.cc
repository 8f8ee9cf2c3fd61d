// Finding the data folder at run time: the environment's override, else beside the executable.
#include "core/util/data_dir.h"

#include <cstdlib>
#include <system_error>

namespace opsreg {

namespace fs = std::filesystem;

fs::path data_dir() {
  if (const char* forced = std::getenv("OPSREG_DATA_DIR"); forced && *forced) return forced;
  std::error_code ec;
  fs::path exe_dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
  fs::path installed = exe_dir.parent_path() / "share/opsreg";
  if (fs::is_directory(installed / "fixtures", ec)) return installed;
  return exe_dir / "share/opsreg";
}

fs::path fixtures_dir() { return data_dir() / "fixtures"; }

}  // namespace opsreg
