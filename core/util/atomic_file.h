// Writing a whole file so that a reader sees all of it or none: written under a unique name in
// the same folder with its final mode, then renamed over the path.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string_view>

#include "core/util/result.h"

namespace opsreg {

// Writes `content` to `path` atomically with permissions `mode` (e.g. 0600). Errors:
// "CannotWrite" naming the path and why.
Status write_file_atomically(const std::filesystem::path& path, std::string_view content,
                             mode_t mode);

}  // namespace opsreg
