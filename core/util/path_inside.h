// Paths that come from input (a world file, a scenario step) resolved inside the folder they
// name a file of, and refused when they would leave it: "..", an absolute path, or a symlink
// that points out.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/util/result.h"

namespace opsreg {

// How an absolute name is read.
enum class AbsoluteNames {
  kRefused,     // only relative names (a fixture file: "agent-installer/install.sh")
  kFromTheRoot  // read from the root, as a host's "/etc/hosts" is its tree's etc/hosts
};

// Checks `name` without touching the disk: not empty, no ".." component, and not absolute unless
// `absolute` reads it from the root. Errors: "PathOutsideRoot" saying why
// ("'../x' goes up out of its folder").
Status check_path_name(std::string_view name, AbsoluteNames absolute);

// `name` inside `root`: check_path_name, then root/name must still lie inside `root` once every
// symlink on the way is followed (the file itself need not exist). Returns root/name.
// Errors: "PathOutsideRoot", naming the path and `root`.
Result<std::filesystem::path> path_inside(const std::filesystem::path& root, std::string_view name,
                                          AbsoluteNames absolute);

// The content of the file `name` inside `root` (path_inside), or nullopt when there is no such
// file. Errors: "PathOutsideRoot"; "NotAFile" (a folder, a device); "FileTooLarge" (over
// `max_bytes`); "ReadFailed" (unreadable), each naming the path.
Result<std::optional<std::string>> read_file_inside(const std::filesystem::path& root,
                                                    std::string_view name, AbsoluteNames absolute,
                                                    size_t max_bytes);

}  // namespace opsreg
