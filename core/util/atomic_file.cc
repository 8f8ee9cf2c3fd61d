// mkstemp beside the target, write, fchmod, close, rename.
#include "core/util/atomic_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace opsreg {

Status write_file_atomically(const std::filesystem::path& path, std::string_view content,
                             mode_t mode) {
  std::string tmp = path.string() + ".XXXXXX";
  int fd = ::mkstemp(tmp.data());
  if (fd < 0)
    return aws::make_error("CannotWrite",
                           "cannot write " + path.string() + ": " + std::strerror(errno), 0);
  bool ok = ::fchmod(fd, mode) == 0;
  for (size_t done = 0; ok && done < content.size();) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  std::string why = ok ? "" : std::strerror(errno);
  if (::close(fd) != 0 && ok) {
    ok = false;
    why = std::strerror(errno);
  }
  if (ok && std::rename(tmp.c_str(), path.c_str()) != 0) {
    ok = false;
    why = std::strerror(errno);
  }
  if (!ok) {
    ::unlink(tmp.c_str());
    return aws::make_error("CannotWrite", "cannot write " + path.string() + ": " + why, 0);
  }
  return {};
}

}  // namespace opsreg
