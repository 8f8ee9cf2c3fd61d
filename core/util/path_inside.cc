// Lexical checks first (no "..", no absolute name), then the resolved path against the root.
#include "core/util/path_inside.h"

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

}  // namespace opsreg
