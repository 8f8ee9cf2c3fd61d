// A world file's "buckets": objects given inline or read from a fixture file, and a fixture
// path that leaves the fixtures folder refused, naming the bucket, the object and the path.
#include <gtest/gtest.h>

#include <fstream>

#include "mocks/world/world.h"

namespace opsreg::mocks {
namespace {

using nlohmann::json;

json world_with_object(const json& object) {
  std::ifstream in(World::default_world_path());
  json w = json::parse(in);
  w["buckets"] = json::array({{{"name", "files"}, {"objects", json::array({object})}}});
  return w;
}

TEST(S3WorldFile, AnObjectIsReadFromAFixtureFile) {
  auto w = World::from_json(world_with_object({{"key", "k"}, {"file", "ssh/user_ed25519.pub"}}),
                            ClockMode::kVirtual);
  ASSERT_TRUE(w.ok()) << w.error().message;
  auto o = (*w)->s3().get_object("files", "k");
  ASSERT_TRUE(o.ok()) << o.error().message;
  EXPECT_TRUE(o->data->starts_with("ssh-ed25519 "));
}

TEST(S3WorldFile, AFixturePathOutsideTheFixturesIsRefused) {
  for (const char* file : {"../../../../etc/shadow", "/etc/shadow"}) {
    auto w =
        World::from_json(world_with_object({{"key", "k"}, {"file", file}}), ClockMode::kVirtual);
    ASSERT_FALSE(w.ok()) << file;
    EXPECT_EQ(w.error().code, "ValidationError");
    EXPECT_NE(
        w.error().message.find("bucket 'files': object 'k': file '" + std::string(file) + "'"),
        std::string::npos)
        << w.error().message;
  }
}

}  // namespace
}  // namespace opsreg::mocks
