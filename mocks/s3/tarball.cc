// ustar headers and gzip for the deterministic agent-installer tarball.
#include "mocks/s3/tarball.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace opsreg::mocks::s3 {

namespace {
// 2026-01-01T00:00:00Z: every entry's mtime, so the tarball's bytes never change.
constexpr unsigned long long kMtime = 1767225600ULL;

aws::Error invalid(const std::string& what) {
  return aws::make_error("InvalidArgument", "tarball: " + what);
}

// Writes `value` as zero-padded octal in `width` bytes, the last one NUL.
void octal(char* field, size_t width, unsigned long long value) {
  field[width - 1] = '\0';
  for (size_t i = width - 1; i-- > 0; value >>= 3) field[i] = static_cast<char>('0' + (value & 7));
}

void copy(char* field, size_t width, std::string_view text) {
  std::memcpy(field, text.data(), std::min(width, text.size()));
}
}  // namespace

Result<std::string> ustar(const std::vector<TarEntry>& entries) {
  std::string out;
  for (const TarEntry& e : entries) {
    bool dir = e.name.ends_with('/');
    std::string name = e.name;
    std::string prefix;
    if (name.size() > 100) {
      // Split at a '/' so that the prefix fits 155 bytes and the rest 100.
      size_t cut = name.rfind('/', std::min<size_t>(155, name.size() - 2));
      if (cut == std::string::npos || name.size() - cut - 1 > 100)
        return invalid("name too long: " + e.name);
      prefix = name.substr(0, cut);
      name = name.substr(cut + 1);
    }
    char h[512] = {};
    copy(h, 100, name);
    octal(h + 100, 8, e.mode);
    octal(h + 108, 8, 0);  // uid
    octal(h + 116, 8, 0);  // gid
    octal(h + 124, 12, dir ? 0 : e.data.size());
    octal(h + 136, 12, kMtime);
    std::memset(h + 148, ' ', 8);  // checksum field counts as spaces while summing
    h[156] = dir ? '5' : '0';
    copy(h + 257, 6, "ustar");  // "ustar\0" then version "00"
    copy(h + 263, 2, "00");
    copy(h + 265, 32, "root");
    copy(h + 297, 32, "root");
    copy(h + 345, 155, prefix);
    unsigned sum = 0;
    for (unsigned char c : h) sum += c;
    octal(h + 148, 7, sum);  // six digits, NUL, then the space already there
    out.append(h, sizeof h);
    if (!dir) {
      out += e.data;
      out.append((512 - e.data.size() % 512) % 512, '\0');
    }
  }
  out.append(1024, '\0');  // two zero blocks end the archive
  return out;
}

Result<std::string> gzip(const std::string& data) {
  z_stream z{};
  // windowBits 15 + 16: a gzip wrapper; zlib writes mtime 0 and no name.
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return invalid("deflateInit2 failed");
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) return invalid("deflate failed");
  return out;
}

Result<std::vector<TarEntry>> read_tree(const std::string& dir, const std::string& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return invalid("not a folder: " + dir);
  std::vector<TarEntry> entries;
  entries.push_back({root + "/", 0755, ""});
  std::vector<fs::path> paths;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec))
    paths.push_back(it->path());
  if (ec) return invalid("cannot read " + dir + ": " + ec.message());
  std::sort(paths.begin(), paths.end());
  for (const fs::path& p : paths) {
    std::string rel = root + "/" + fs::relative(p, dir).generic_string();
    if (fs::is_directory(p)) {
      entries.push_back({rel + "/", 0755, ""});
      continue;
    }
    std::ifstream in(p, std::ios::binary);
    if (!in) return invalid("cannot read " + p.string());
    std::ostringstream buf;
    buf << in.rdbuf();
    bool exec = (fs::status(p).permissions() & fs::perms::owner_exec) != fs::perms::none;
    entries.push_back({rel, exec ? 0755u : 0644u, buf.str()});
  }
  return entries;
}

}  // namespace opsreg::mocks::s3
