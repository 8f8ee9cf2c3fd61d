// Paths from input resolved inside their folder: relative names inside it are taken, and "..",
// absolute names (where they are not read from the root) and symlinks that lead out are refused.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/util/path_inside.h"

namespace opsreg {
namespace {

namespace fs = std::filesystem;

class PathInside : public ::testing::Test {
 protected:
  void SetUp() override {
    base = fs::path(::testing::TempDir()) / ("path_inside_" + std::to_string(::getpid()));
    fs::remove_all(base);
    root = base / "root";
    fs::create_directories(root / "etc");
    fs::create_directories(base / "outside");
    std::ofstream(base / "outside/secret") << "s";
  }
  void TearDown() override { fs::remove_all(base); }

  std::string refusal(std::string_view name, AbsoluteNames absolute) {
    auto r = path_inside(root, name, absolute);
    EXPECT_FALSE(r.ok()) << name;
    if (r.ok()) return "";
    EXPECT_EQ(r.error().code, "PathOutsideRoot");
    return r.error().message;
  }

  fs::path base, root;
};

TEST_F(PathInside, ARelativeNameIsTakenInsideTheRoot) {
  auto r = path_inside(root, "etc/hosts", AbsoluteNames::kRefused);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r, root / "etc/hosts");
}

TEST_F(PathInside, AnAbsoluteNameIsReadFromTheRootOrRefused) {
  auto r = path_inside(root, "/etc/hosts", AbsoluteNames::kFromTheRoot);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r, root / "etc/hosts");
  EXPECT_EQ(refusal("/etc/shadow", AbsoluteNames::kRefused),
            "'/etc/shadow' is absolute; name a file inside its folder");
}

TEST_F(PathInside, DotDotIsRefusedEvenWhenItWouldComeBackIn) {
  EXPECT_EQ(refusal("../../../../etc/shadow", AbsoluteNames::kRefused),
            "'../../../../etc/shadow' goes up out of its folder (\"..\")");
  EXPECT_EQ(refusal("/etc/../../tmp/x", AbsoluteNames::kFromTheRoot),
            "'/etc/../../tmp/x' goes up out of its folder (\"..\")");
  EXPECT_FALSE(path_inside(root, "etc/../etc/hosts", AbsoluteNames::kRefused).ok());
  EXPECT_EQ(refusal("", AbsoluteNames::kRefused), "'' is empty");
}

TEST_F(PathInside, ASymlinkThatLeadsOutIsRefusedOneThatStaysInIsTaken) {
  fs::create_directory_symlink(base / "outside", root / "out");
  fs::create_directory_symlink(root / "etc", root / "conf");
  std::string why = refusal("out/secret", AbsoluteNames::kRefused);
  EXPECT_NE(why.find("leads out of " + root.string()), std::string::npos) << why;
  auto in = path_inside(root, "conf/hosts", AbsoluteNames::kRefused);
  ASSERT_TRUE(in.ok()) << in.error().message;
  EXPECT_EQ(*in, root / "conf/hosts");
}

TEST(CheckPathName, NeedsNoDisk) {
  EXPECT_TRUE(check_path_name("/etc/hosts", AbsoluteNames::kFromTheRoot).ok());
  EXPECT_FALSE(check_path_name("a/../../b", AbsoluteNames::kFromTheRoot).ok());
  EXPECT_FALSE(check_path_name("/abs", AbsoluteNames::kRefused).ok());
}

}  // namespace
}  // namespace opsreg
