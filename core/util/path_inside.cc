// Lexical checks first (no "..", no absolute name), then the resolved path against the root.
#include "core/util/path_inside.h"

#include <fstream>
#include <iterator>
#include <system_error>

namespace opsreg {

namespace fs = std::filesystem;

namespace {

aws::Error outside(std::string_view name, const std::string& why) {
  return aws::make_error("PathOutsideRoot", "'" + std::string(name) + "' " + why, 0);
}

// Whether `inner` is `outer` or lies below it (both normalised, absolute).
bool lies_in(const fs::path& inner, const fs::path& outer) {
  auto o = outer.begin();
  auto i = inner.begin();
  for (; o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // a trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

}  // namespace

Status check_path_name(std::string_view name, AbsoluteNames absolute) {
  if (name.empty()) return outside(name, "is empty");
  fs::path p(name);
  if (p.is_absolute() && absolute == AbsoluteNames::kRefused)
    return outside(name, "is absolute; name a file inside its folder");
  for (const fs::path& part : p)
    if (part == "..") return outside(name, "goes up out of its folder (\"..\")");
  return {};
}

Result<fs::path> path_inside(const fs::path& root, std::string_view name, AbsoluteNames absolute) {
  if (Status s = check_path_name(name, absolute); !s.ok()) return s.error();
  fs::path inside = root / fs::path(name).relative_path();
  std::error_code ec;
  fs::path real_root = fs::weakly_canonical(root, ec);
  if (ec) return outside(name, "cannot be resolved: " + root.string() + ": " + ec.message());
  fs::path real = fs::weakly_canonical(inside, ec);
  if (ec) return outside(name, "cannot be resolved: " + ec.message());
  if (!lies_in(real, real_root))
    return outside(
        name, "leads out of " + root.string() + " (through a symlink, to " + real.string() + ")");
  return inside;
}

Result<std::optional<std::string>> read_file_inside(const fs::path& root, std::string_view name,
                                                    AbsoluteNames absolute, size_t max_bytes) {
  auto path = path_inside(root, name, absolute);
  if (!path.ok()) return path.error();
  std::error_code ec;
  fs::file_status status = fs::status(*path, ec);
  if (status.type() == fs::file_type::not_found) return std::optional<std::string>();
  const std::string named = "'" + std::string(name) + "'";
  if (ec) return aws::make_error("ReadFailed", named + ": " + ec.message(), 0);
  if (status.type() != fs::file_type::regular)
    return aws::make_error("NotAFile", named + " is not a regular file", 0);
  uintmax_t size = fs::file_size(*path, ec);
  if (!ec && size > max_bytes)
    return aws::make_error("FileTooLarge",
                           named + " has " + std::to_string(size) + " bytes, over the limit of " +
                               std::to_string(max_bytes),
                           0);
  std::ifstream in(*path, std::ios::binary);
  if (!in) return aws::make_error("ReadFailed", named + " cannot be read", 0);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return aws::make_error("ReadFailed", named + " cannot be read", 0);
  return std::optional<std::string>(std::move(content));
}

}  // namespace opsreg
