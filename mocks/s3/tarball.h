// A deterministic .tar.gz writer (POSIX ustar + gzip via zlib) for the agent-installer tarball:
// same inputs, same bytes — fixed mtime, root owner, entries in the order given.
#pragma once

#include <string>
#include <vector>

#include "core/util/result.h"

namespace opsreg::mocks::s3 {

struct TarEntry {
  std::string name;  // relative path; a directory ends with '/'
  unsigned mode = 0644;
  std::string data;  // empty for directories
};

// The ustar archive of `entries` (names up to 255 bytes, split into prefix/name as ustar does).
// InvalidArgument when a name does not fit.
Result<std::string> ustar(const std::vector<TarEntry>& entries);

// gzip (RFC 1952) of `data` with a zero mtime and no file name in the header.
Result<std::string> gzip(const std::string& data);

// Reads the folder `dir` (recursively, sorted by path) into entries under `root` + "/":
// directories 0755, files 0755 when executable by their owner, else 0644.
Result<std::vector<TarEntry>> read_tree(const std::string& dir, const std::string& root);

}  // namespace opsreg::mocks::s3
