// Test support: a file's whole content as a string ("" when it cannot be read), for tests that
// check what a host, the fleet or the agent wrote.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace opsreg::testing {

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace opsreg::testing
