// S3 GetObject with a Range header: bytes=a-b, a-, -n give 206 with Content-Range; ranges past
// the end are InvalidRange (416); malformed or multiple ranges get the whole object.
#include <gtest/gtest.h>

#include "tests/support/edge_client.h"

namespace opsreg {
namespace {

struct S3RangeTest : ::testing::Test {
  S3RangeTest() {
    EXPECT_EQ(s3.rest("PUT", "/bkt").status, 200);
    EXPECT_EQ(s3.rest("PUT", "/bkt/digits", "", "0123456789").status, 200);
  }
  http::Response get(const std::string& range, const std::string& method = "GET") {
    return s3.rest(method, "/bkt/digits", "", "", {{"Range", range}});
  }
  static std::string content_range(const http::Response& r) {
    return std::string(aws::find_header(r.headers, "Content-Range"));
  }
  testing::TestWorld tw;
  testing::EdgeClient s3{*tw.edge, tw.world->operator_credentials()};
};

TEST_F(S3RangeTest, ClosedRangeIsPartialContent) {
  http::Response r = get("bytes=2-5");
  EXPECT_EQ(r.status, 206);
  EXPECT_EQ(r.body, "2345");
  EXPECT_EQ(content_range(r), "bytes 2-5/10");
  EXPECT_EQ(aws::find_header(r.headers, "ETag"), "\"781e5e245d69b566979b86e28d23f2c7\"");
}

TEST_F(S3RangeTest, OpenEndedRangeRunsToTheEnd) {
  http::Response r = get("bytes=7-");
  EXPECT_EQ(r.status, 206);
  EXPECT_EQ(r.body, "789");
  EXPECT_EQ(content_range(r), "bytes 7-9/10");
}

TEST_F(S3RangeTest, SuffixRangeIsTheLastBytes) {
  http::Response r = get("bytes=-3");
  EXPECT_EQ(r.status, 206);
  EXPECT_EQ(r.body, "789");
  EXPECT_EQ(content_range(r), "bytes 7-9/10");
}

TEST_F(S3RangeTest, SuffixLongerThanTheObjectIsTheWholeObject) {
  http::Response r = get("bytes=-50");
  EXPECT_EQ(r.status, 206);
  EXPECT_EQ(r.body, "0123456789");
  EXPECT_EQ(content_range(r), "bytes 0-9/10");
}

TEST_F(S3RangeTest, EndPastTheObjectIsClamped) {
  http::Response r = get("bytes=8-100");
  EXPECT_EQ(r.status, 206);
  EXPECT_EQ(r.body, "89");
  EXPECT_EQ(content_range(r), "bytes 8-9/10");
}

TEST_F(S3RangeTest, StartPastTheEndIsInvalidRange) {
  http::Response r = get("bytes=10-20");
  EXPECT_EQ(r.status, 416);
  EXPECT_EQ(testing::error_code(r), "InvalidRange");
}

TEST_F(S3RangeTest, ZeroLengthSuffixIsInvalidRange) {
  http::Response r = get("bytes=-0");
  EXPECT_EQ(r.status, 416);
  EXPECT_EQ(testing::error_code(r), "InvalidRange");
}

TEST_F(S3RangeTest, MalformedOrMultipleRangesGetTheWholeObject) {
  for (const char* range : {"bytes=5-2", "items=0-1", "bytes=a-b", "bytes=0-1,4-5"}) {
    http::Response r = get(range);
    EXPECT_EQ(r.status, 200) << range;
    EXPECT_EQ(r.body, "0123456789") << range;
    EXPECT_EQ(content_range(r), "") << range;
  }
}

TEST_F(S3RangeTest, HeadWithRangeGivesThePartialLengthAndNoBody) {
  http::Response r = get("bytes=0-3", "HEAD");
  EXPECT_EQ(r.status, 206);
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(aws::find_header(r.headers, "Content-Length"), "4");
  EXPECT_EQ(content_range(r), "bytes 0-3/10");
}

TEST_F(S3RangeTest, AnyRangeOfAnEmptyObjectIsInvalidRange) {
  ASSERT_EQ(s3.rest("PUT", "/bkt/empty", "", "").status, 200);
  http::Response r = s3.rest("GET", "/bkt/empty", "", "", {{"Range", "bytes=0-"}});
  EXPECT_EQ(r.status, 416);
  EXPECT_EQ(testing::error_code(r), "InvalidRange");
}

}  // namespace
}  // namespace opsreg
