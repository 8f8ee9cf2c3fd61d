// A file read whole and parsed as JSON.
#include "core/util/json_file.h"

#include <fstream>
#include <sstream>

#include "core/util/data_dir.h"

namespace opsreg {

Result<nlohmann::json> read_json_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return aws::make_error("UnreadableFile", cannot_read(path), 0);
  std::stringstream text;
  text << in.rdbuf();
  auto j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded())
    return aws::make_error("InvalidJson", path.string() + ": not valid JSON", 0);
  return j;
}

}  // namespace opsreg
