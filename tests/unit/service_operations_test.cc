// The table every fake service registers its operations in (mocks/services/operations.h): a
// name finds its handler, an unknown name none, a name registered twice is refused, and the
// names can be listed (scenario files are checked against them).
#include <gtest/gtest.h>

#include <functional>
#include <stdexcept>

#include "mocks/services/operations.h"

namespace opsreg {
namespace {

TEST(ServiceOperations, ANameFindsItsHandler) {
  mocks::Operations<std::function<int()>> ops;
  ops.add("CreateUser", [] { return 1; });
  ops.add("DeleteUser", [] { return 2; });
  ASSERT_NE(ops.find("DeleteUser"), nullptr);
  EXPECT_EQ((*ops.find("DeleteUser"))(), 2);
  EXPECT_EQ(ops.find("GetUser"), nullptr);
  EXPECT_EQ(ops.find(""), nullptr);
}

TEST(ServiceOperations, NamesListsEveryRegisteredNameSorted) {
  mocks::Operations<std::function<int()>> ops;
  EXPECT_TRUE(ops.names().empty());
  ops.add("DeleteUser", [] { return 2; });
  ops.add("CreateUser", [] { return 1; });
  EXPECT_EQ(ops.names(), (std::vector<std::string>{"CreateUser", "DeleteUser"}));
}

TEST(ServiceOperations, ANameRegisteredTwiceIsRefused) {
  mocks::Operations<std::function<int()>> ops;
  ops.add("CreateUser", [] { return 1; });
  EXPECT_THROW(ops.add("CreateUser", [] { return 2; }), std::logic_error);
}

}  // namespace
}  // namespace opsreg
