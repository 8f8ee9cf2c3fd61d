// The data folder found at run time (core/util/data_dir.h): OPSREG_DATA_DIR first, else the
// build tree's share/opsreg beside this test binary; a folder without fixtures/ is named.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "core/util/data_dir.h"

namespace opsreg {
namespace {

namespace fs = std::filesystem;

// Sets OPSREG_DATA_DIR for one test and restores the unset state after it.
class DataDirEnv {
 public:
  explicit DataDirEnv(const std::string& value) { setenv("OPSREG_DATA_DIR", value.c_str(), 1); }
  ~DataDirEnv() { unsetenv("OPSREG_DATA_DIR"); }
};

TEST(DataDir, BuildTreeDataBesideTheBinaryHoldsTheSourceFixtures) {
  unsetenv("OPSREG_DATA_DIR");
  fs::path self = fs::read_symlink("/proc/self/exe");
  EXPECT_EQ(data_dir(), self.parent_path() / "share/opsreg");
  EXPECT_EQ(fs::canonical(fixtures_dir()), fs::canonical(OPSREG_FIXTURES_DIR));
  EXPECT_EQ(data_dir_problem(), "");
  EXPECT_EQ(cannot_read("/no/such/file"), "cannot read /no/such/file");
}

TEST(DataDir, EnvironmentOverridesAndAFolderWithoutFixturesIsNamed) {
  fs::path empty = fs::temp_directory_path() / ("opsreg-data-dir-test-" + std::to_string(getpid()));
  fs::create_directories(empty);
  {
    DataDirEnv env(empty.string());
    EXPECT_EQ(data_dir(), empty);
    EXPECT_EQ(fixtures_dir(), empty / "fixtures");
    std::string problem = data_dir_problem();
    EXPECT_NE(problem.find(empty.string()), std::string::npos) << problem;
    EXPECT_NE(problem.find("OPSREG_DATA_DIR"), std::string::npos) << problem;
    std::string said = cannot_read(empty / "fixtures/worlds/default.json");
    EXPECT_EQ(said.rfind("cannot read " + (empty / "fixtures/worlds/default.json").string(), 0),
              0u);
    EXPECT_NE(said.find(problem), std::string::npos) << said;

    fs::create_directories(empty / "fixtures");
    EXPECT_EQ(data_dir_problem(), "");
  }
  fs::remove_all(empty);
}

TEST(DataDir, AnEmptyOverrideIsIgnored) {
  DataDirEnv env("");
  EXPECT_EQ(data_dir(), fs::read_symlink("/proc/self/exe").parent_path() / "share/opsreg");
}

}  // namespace
}  // namespace opsreg
