// The shared config file format: sections, comments, continuation and nested sub-sections,
// and what is a parse error, as botocore's configloader reads them.
#include <gtest/gtest.h>

#include "core/config/ini_file.h"

namespace opsreg {
namespace {

using config::parse_ini;

TEST(ClientsIni, SectionsKeysAndCommentsParse) {
  auto f = parse_ini(
      "# comment\n[default]\nregion = us-west-2\n; another\nOutput=json\n\n[profile dev]\n"
      "aws_access_key_id = AKIDEV\n");
  ASSERT_TRUE(f.ok()) << f.error().message;
  EXPECT_EQ(*f->section("default")->get("region"), "us-west-2");
  EXPECT_EQ(*f->section("default")->get("output"), "json") << "keys are lower-cased";
  EXPECT_EQ(*f->section("profile dev")->get("aws_access_key_id"), "AKIDEV");
  EXPECT_EQ(f->section("profile nope"), nullptr);
}

TEST(ClientsIni, IndentedBlockIsANestedSubSection) {
  auto f = parse_ini(
      "[services local]\ns3 =\n  endpoint_url = http://127.0.0.1:9000\n"
      "iam =\n  endpoint_url = http://127.0.0.1:9001\n");
  ASSERT_TRUE(f.ok());
  const config::IniSection* s = f->section("services local");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->nested.at("s3").at("endpoint_url"), "http://127.0.0.1:9000");
  EXPECT_EQ(s->nested.at("iam").at("endpoint_url"), "http://127.0.0.1:9001");
}

TEST(ClientsIni, ColonSeparatesLikeEqualsAndInlineHashIsKept) {
  auto f = parse_ini("[default]\nregion: eu-west-1\nendpoint_url = http://x # not a comment\n");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(*f->section("default")->get("region"), "eu-west-1");
  EXPECT_EQ(*f->section("default")->get("endpoint_url"), "http://x # not a comment");
}

TEST(ClientsIni, CrlfLinesParse) {
  auto f = parse_ini("[default]\r\nregion = ap-south-1\r\n");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(*f->section("default")->get("region"), "ap-south-1");
}

TEST(ClientsIni, KeyBeforeAnySectionIsAParseError) {
  auto f = parse_ini("region = us-east-1\n", "/home/u/.aws/config");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().code, "ConfigParseError");
  EXPECT_NE(f.error().message.find("Unable to parse config file: /home/u/.aws/config"),
            std::string::npos);
}

TEST(ClientsIni, DuplicateSectionIsAParseError) {
  EXPECT_FALSE(parse_ini("[default]\na=1\n[default]\nb=2\n").ok());
}

TEST(ClientsIni, LineWithoutSeparatorIsAParseError) {
  EXPECT_FALSE(parse_ini("[default]\njust words\n").ok());
}

TEST(ClientsIni, MissingFileIsEmpty) {
  auto f = config::load_ini_file("/nonexistent/opsreg/config");
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(f->sections.empty());
}

}  // namespace
}  // namespace opsreg
