// S3 ListObjectsV2 (and v1) through the edge: prefixes, delimiters rolled up into
// CommonPrefixes, max-keys paging with continuation tokens, start-after, encoding-type=url.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "core/aws/crypto.h"
#include "core/aws/uri.h"
#include "tests/support/edge_client.h"

namespace opsreg {
namespace {

std::vector<std::string> texts(const http::Response& r, const char* xpath) {
  pugi::xml_document doc;
  doc.load_buffer(r.body.data(), r.body.size());
  std::vector<std::string> out;
  for (const pugi::xpath_node& n : doc.select_nodes(xpath)) out.push_back(n.node().child_value());
  return out;
}

using Strings = std::vector<std::string>;

struct S3ListTest : ::testing::Test {
  S3ListTest() {
    EXPECT_EQ(s3.rest("PUT", "/bkt").status, 200);
    for (const char* key : {"a.txt", "logs/2026/01.log", "logs/2026/02.log", "logs/2027/01.log",
                            "logs/readme", "z.txt"})
      EXPECT_EQ(s3.rest("PUT", "/bkt/" + aws::uri_encode(key, true), "", key).status, 200);
  }
  http::Response list(const aws::Params& params) {
    aws::Params all = {{"list-type", "2"}};
    all.insert(all.end(), params.begin(), params.end());
    return s3.rest("GET", "/bkt", aws::encode_query(all));
  }
  testing::TestWorld tw;
  testing::EdgeClient s3{*tw.edge, tw.world->operator_credentials()};
};

TEST_F(S3ListTest, ListsEveryKeyInByteOrderWithSizeAndETag) {
  http::Response r = list({});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(texts(r, "//Contents/Key"), (Strings{"a.txt", "logs/2026/01.log", "logs/2026/02.log",
                                                 "logs/2027/01.log", "logs/readme", "z.txt"}));
  EXPECT_EQ(testing::xml_text(r, "//KeyCount"), "6");
  EXPECT_EQ(testing::xml_text(r, "//IsTruncated"), "false");
  EXPECT_EQ(testing::xml_text(r, "//Contents/Size"), "5");
  EXPECT_EQ(testing::xml_text(r, "//Contents/ETag"), "\"" + aws::md5_hex("a.txt") + "\"");
  EXPECT_EQ(testing::xml_text(r, "//Contents/StorageClass"), "STANDARD");
}

TEST_F(S3ListTest, PrefixLimitsTheKeys) {
  http::Response r = list({{"prefix", "logs/2026/"}});
  EXPECT_EQ(texts(r, "//Contents/Key"), (Strings{"logs/2026/01.log", "logs/2026/02.log"}));
  EXPECT_EQ(testing::xml_text(r, "//Prefix"), "logs/2026/");
}

TEST_F(S3ListTest, DelimiterRollsKeysUpIntoCommonPrefixes) {
  http::Response r = list({{"delimiter", "/"}});
  EXPECT_EQ(texts(r, "//Contents/Key"), (Strings{"a.txt", "z.txt"}));
  EXPECT_EQ(texts(r, "//CommonPrefixes/Prefix"), (Strings{"logs/"}));
  EXPECT_EQ(testing::xml_text(r, "//KeyCount"), "3");
  r = list({{"prefix", "logs/"}, {"delimiter", "/"}});
  EXPECT_EQ(texts(r, "//Contents/Key"), (Strings{"logs/readme"}));
  EXPECT_EQ(texts(r, "//CommonPrefixes/Prefix"), (Strings{"logs/2026/", "logs/2027/"}));
}

TEST_F(S3ListTest, MaxKeysPagesWithContinuationTokens) {
  Strings seen;
  std::string token;
  int pages = 0;
  while (true) {
    aws::Params p = {{"max-keys", "2"}};
    if (!token.empty()) p.emplace_back("continuation-token", token);
    http::Response r = list(p);
    ASSERT_EQ(r.status, 200) << r.body;
    ++pages;
    for (const auto& k : texts(r, "//Contents/Key")) seen.push_back(k);
    EXPECT_EQ(testing::xml_text(r, "//MaxKeys"), "2");
    if (testing::xml_text(r, "//IsTruncated") == "false") {
      EXPECT_EQ(testing::xml_text(r, "//NextContinuationToken"), "");
      break;
    }
    token = testing::xml_text(r, "//NextContinuationToken");
    ASSERT_FALSE(token.empty());
    ASSERT_LT(pages, 10);
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen.size(), 6u);
}

TEST_F(S3ListTest, PagingCountsCommonPrefixesAndNeverRepeatsThem) {
  http::Response r = list({{"delimiter", "/"}, {"max-keys", "2"}});
  EXPECT_EQ(texts(r, "//Contents/Key"), (Strings{"a.txt"}));
  EXPECT_EQ(texts(r, "//CommonPrefixes/Prefix"), (Strings{"logs/"}));
  EXPECT_EQ(testing::xml_text(r, "//IsTruncated"), "true");
  r = list({{"delimiter", "/"},
            {"max-keys", "2"},
            {"continuation-token", testing::xml_text(r, "//NextContinuationToken")}});
  EXPECT_EQ(texts(r, "//Contents/Key"), (Strings{"z.txt"}));
  EXPECT_TRUE(texts(r, "//CommonPrefixes/Prefix").empty());
  EXPECT_EQ(testing::xml_text(r, "//IsTruncated"), "false");
}

TEST_F(S3ListTest, StartAfterSkipsKeysUpToIt) {
  http::Response r = list({{"start-after", "logs/2027/01.log"}});
  EXPECT_EQ(texts(r, "//Contents/Key"), (Strings{"logs/readme", "z.txt"}));
  EXPECT_EQ(testing::xml_text(r, "//StartAfter"), "logs/2027/01.log");
}

TEST_F(S3ListTest, MaxKeysZeroListsNothing) {
  http::Response r = list({{"max-keys", "0"}});
  EXPECT_TRUE(texts(r, "//Contents/Key").empty());
  EXPECT_EQ(testing::xml_text(r, "//KeyCount"), "0");
}

TEST_F(S3ListTest, NegativeMaxKeysIsInvalidArgument) {
  http::Response r = list({{"max-keys", "-1"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "InvalidArgument");
}

TEST_F(S3ListTest, ForgedContinuationTokenIsInvalidArgument) {
  http::Response r = list({{"continuation-token", "not a token"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "InvalidArgument");
}

TEST_F(S3ListTest, EncodingTypeUrlPercentEncodesKeys) {
  ASSERT_EQ(s3.rest("PUT", "/bkt/sp%20ace%2Bplus", "", "x").status, 200);
  http::Response r = list({{"prefix", "sp"}, {"encoding-type", "url"}});
  EXPECT_EQ(texts(r, "//Contents/Key"), (Strings{"sp%20ace%2Bplus"}));
  EXPECT_EQ(testing::xml_text(r, "//EncodingType"), "url");
}

TEST_F(S3ListTest, UnknownEncodingTypeIsInvalidArgument) {
  http::Response r = list({{"encoding-type", "base64"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::error_code(r), "InvalidArgument");
}

TEST_F(S3ListTest, ListObjectsV1PagesWithMarker) {
  http::Response r = s3.rest("GET", "/bkt", "max-keys=4&delimiter=%2F");
  EXPECT_EQ(texts(r, "//Contents/Key"), (Strings{"a.txt", "z.txt"}));
  r = s3.rest("GET", "/bkt", "max-keys=2");
  EXPECT_EQ(texts(r, "//Contents/Key"), (Strings{"a.txt", "logs/2026/01.log"}));
  EXPECT_EQ(testing::xml_text(r, "//IsTruncated"), "true");
  r = s3.rest("GET", "/bkt", "max-keys=2&marker=logs%2F2026%2F01.log");
  EXPECT_EQ(texts(r, "//Contents/Key"), (Strings{"logs/2026/02.log", "logs/2027/01.log"}));
}

}  // namespace
}  // namespace opsreg
