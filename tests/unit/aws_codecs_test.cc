// The wire codecs: percent-encoding, query strings and query-protocol lists, XML escaping,
// error bodies per protocol, and the query protocol's success envelope.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "core/aws/error_wire.h"
#include "core/aws/query_params.h"
#include "core/aws/query_response.h"
#include "core/aws/uri.h"
#include "core/aws/xml_writer.h"

namespace opsreg::aws {
namespace {

TEST(Uri, EncodesAllButUnreservedCharacters) {
  EXPECT_EQ(uri_encode("AZaz09-_.~"), "AZaz09-_.~");
  EXPECT_EQ(uri_encode("a b+c/d=e&f*"), "a%20b%2Bc%2Fd%3De%26f%2A");
  EXPECT_EQ(uri_encode("a b/c", /*keep_slash=*/true), "a%20b/c");
  EXPECT_EQ(uri_encode("caf\xC3\xA9 \xE2\x82\xAC"), "caf%C3%A9%20%E2%82%AC");
  EXPECT_EQ(uri_encode("%"), "%25");
  EXPECT_EQ(uri_encode(std::string("\0\x7f", 2)), "%00%7F");
}

TEST(Uri, CopySourceIsEncodedAsSdksSendIt) {
  EXPECT_EQ(encode_copy_source("bkt/dir/a b+c%.txt"), "bkt/dir/a%20b%2Bc%25.txt");
  EXPECT_EQ(encode_copy_source("bkt/a b?versionId=v1"), "bkt/a%20b?versionId=v1");
}

TEST(Uri, DecodesPercentEscapesInEitherCase) {
  EXPECT_EQ(uri_decode("a%20b%2fc%2F"), "a b/c/");
  EXPECT_EQ(uri_decode("caf%C3%A9"), "caf\xC3\xA9");
}

TEST(Uri, PlusIsSpaceOnlyInForms) {
  EXPECT_EQ(uri_decode("a+b"), "a+b");
  EXPECT_EQ(uri_decode("a+b", /*plus_is_space=*/true), "a b");
  EXPECT_EQ(uri_decode("a%2Bb", /*plus_is_space=*/true), "a+b");
}

TEST(Uri, MalformedEscapesStayLiteral) {
  EXPECT_EQ(uri_decode("100%"), "100%");
  EXPECT_EQ(uri_decode("%zz%4"), "%zz%4");
  EXPECT_EQ(uri_decode("%%41"), "%A");
}

TEST(Uri, EncodeDecodeRoundTrip) {
  std::string all;
  for (int c = 0; c < 256; ++c) all.push_back(static_cast<char>(c));
  EXPECT_EQ(uri_decode(uri_encode(all)), all);
  EXPECT_EQ(uri_decode(uri_encode(all, true)), all);
}

TEST(Query, ParseKeepsOrderAndRepeatedKeys) {
  Params p = parse_query("b=2&a=1&b=3");
  EXPECT_EQ(p, (Params{{"b", "2"}, {"a", "1"}, {"b", "3"}}));
}

TEST(Query, KeysWithoutValuesAndEmptyParts) {
  EXPECT_EQ(parse_query("acl&x=&&y=1"), (Params{{"acl", ""}, {"x", ""}, {"y", "1"}}));
  EXPECT_EQ(parse_query(""), Params{});
}

TEST(Query, ValueMayContainEquals) { EXPECT_EQ(parse_query("k=a=b"), (Params{{"k", "a=b"}})); }

TEST(Query, PlusInFormBodies) {
  EXPECT_EQ(parse_query("k=a+b", true), (Params{{"k", "a b"}}));
  EXPECT_EQ(parse_query("k=a+b"), (Params{{"k", "a+b"}}));
}

TEST(Query, EncodeRoundTrip) {
  Params p{{"Action", "PutUserPolicy"}, {"PolicyDocument", "{\"a\": \"b c&d=e+f\"}"}};
  EXPECT_EQ(encode_query(p),
            "Action=PutUserPolicy&PolicyDocument=%7B%22a%22%3A%20%22b%20c%26d%3De%2Bf%22%7D");
  EXPECT_EQ(parse_query(encode_query(p), true), p);
}

TEST(QueryParams, GetReturnsLastValue) {
  QueryParams q = QueryParams::parse("UserName=a&UserName=b");
  EXPECT_EQ(q.get("UserName"), "b");
  EXPECT_FALSE(q.get("Path"));
  EXPECT_EQ(q.get_or("Path", "/"), "/");
  EXPECT_TRUE(q.has("UserName"));
}

TEST(QueryParams, ParseTreatsPlusAsSpace) {
  EXPECT_EQ(QueryParams::parse("Name=a+b%2Bc").get("Name"), "a b+c");
}

TEST(QueryParams, MemberListsInIndexOrderUntilGap) {
  QueryParams q = QueryParams::parse(
      "Tags.member.2.Key=k2&Ids.member.2=b&Ids.member.1=a&Ids.member.4=d&Ids.member.3=c");
  EXPECT_EQ(q.list("Ids"), (std::vector<std::string>{"a", "b", "c", "d"}));
  QueryParams gap = QueryParams::parse("Ids.member.1=a&Ids.member.3=c");
  EXPECT_EQ(gap.list("Ids"), (std::vector<std::string>{"a"}));
  EXPECT_TRUE(q.list("Missing").empty());
}

TEST(QueryParams, Ec2StyleLists) {
  QueryParams q = QueryParams::parse("InstanceId.1=i-1&InstanceId.2=i-2");
  EXPECT_EQ(q.list("InstanceId", /*ec2_style=*/true), (std::vector<std::string>{"i-1", "i-2"}));
  EXPECT_TRUE(q.list("InstanceId").empty());
}

TEST(Xml, EscapesMarkupCharacters) {
  EXPECT_EQ(xml_escape("a<b>&\"c\"'d'"), "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");
  EXPECT_EQ(xml_escape("caf\xC3\xA9"), "caf\xC3\xA9");
}

TEST(Xml, WriterNestsEscapesAndClosesWhatIsOpen) {
  XmlWriter w(/*declaration=*/false);
  w.open("A", "urn:x").leaf("B", "1 < 2 & 3").leaf_if("C", "").leaf_if("D", "d").open("E");
  EXPECT_EQ(w.str(), "<A xmlns=\"urn:x\"><B>1 &lt; 2 &amp; 3</B><D>d</D><E></E></A>");
}

TEST(Xml, EscapedTextParsesBack) {
  std::string text = "{\"Statement\": [\"<&>\"]}\r\n'x'";
  XmlWriter w;
  w.open("Doc").leaf("PolicyDocument", text);
  pugi::xml_document doc;
  std::string xml = w.str();
  ASSERT_TRUE(doc.load_string(xml.c_str()));
  EXPECT_EQ(std::string(doc.child("Doc").child_value("PolicyDocument")), text);
}

class ErrorRoundTrip : public ::testing::TestWithParam<Protocol> {};

TEST_P(ErrorRoundTrip, ParseReadsWhatRenderWrote) {
  Error e = make_error("NoSuchEntity", "The user with name x <y> cannot be found.", 404);
  WireError w = render_error(GetParam(), e, "req-1", "/bucket/key");
  EXPECT_EQ(w.status, 404);
  Error back = parse_error(GetParam(), w.status, w.body);
  EXPECT_EQ(back.code, e.code);
  EXPECT_EQ(back.message, e.message);
  EXPECT_EQ(back.http_status, 404);
  EXPECT_TRUE(back.sender_fault);
}

TEST_P(ErrorRoundTrip, ServerFaultsRoundTrip) {
  Error e = make_error("ServiceFailure", "boom", 500);
  WireError w = render_error(GetParam(), e, "req-1");
  Error back = parse_error(GetParam(), w.status, w.body);
  EXPECT_EQ(back.code, "ServiceFailure");
  EXPECT_FALSE(back.sender_fault);
}

INSTANTIATE_TEST_SUITE_P(Protocols, ErrorRoundTrip,
                         ::testing::Values(Protocol::kQuery, Protocol::kEc2, Protocol::kJson,
                                           Protocol::kRestXml));

TEST(ErrorWire, QueryErrorHasAwsShape) {
  WireError w = render_error(Protocol::kQuery, make_error("AccessDenied", "no", 403), "rid");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(w.body.c_str()));
  pugi::xml_node root = doc.child("ErrorResponse");
  EXPECT_EQ(std::string(root.child("Error").child_value("Type")), "Sender");
  EXPECT_EQ(std::string(root.child("Error").child_value("Code")), "AccessDenied");
  EXPECT_EQ(std::string(root.child_value("RequestId")), "rid");
}

TEST(ErrorWire, Ec2ErrorHasAwsShape) {
  WireError w = render_error(Protocol::kEc2, make_error("InvalidInstanceID.NotFound", "x"), "r");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(w.body.c_str()));
  EXPECT_EQ(std::string(doc.child("Response").child("Errors").child("Error").child_value("Code")),
            "InvalidInstanceID.NotFound");
  EXPECT_EQ(std::string(doc.child("Response").child_value("RequestID")), "r");
}

TEST(ErrorWire, S3ErrorNamesResource) {
  WireError w = render_error(Protocol::kRestXml, make_error("NoSuchKey", "x", 404), "r", "/b/k");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(w.body.c_str()));
  EXPECT_EQ(std::string(doc.child("Error").child_value("Resource")), "/b/k");
}

TEST(ErrorWire, JsonErrorTypeMayCarryNamespace) {
  Error e = parse_error(Protocol::kJson, 400,
                        R"({"__type":"com.amazonaws.opsworks#ValidationException","Message":"m"})");
  EXPECT_EQ(e.code, "ValidationException");
  EXPECT_EQ(e.message, "m");
}

TEST(ErrorWire, JsonErrorWithNonStringMembersDoesNotThrow) {
  Error e = parse_error(Protocol::kJson, 400, R"({"__type":"Throttling","message":null})");
  EXPECT_EQ(e.code, "Throttling");
  EXPECT_EQ(e.message, "");
  EXPECT_EQ(parse_error(Protocol::kJson, 400, R"({"__type":7})").code, "HTTP400");
}

TEST(ErrorWire, UnreadableBodyFallsBackToStatus) {
  EXPECT_EQ(parse_error(Protocol::kQuery, 503, "<html>busy").code, "HTTP503");
  EXPECT_EQ(parse_error(Protocol::kJson, 502, "").code, "HTTP502");
  EXPECT_FALSE(parse_error(Protocol::kJson, 502, "").sender_fault);
}

TEST(QueryResponse, WrapsResultAndRequestId) {
  std::string xml = render_query_response("GetUser", "https://iam.amazonaws.com/doc/2010-05-08/",
                                          "<User><UserName>a&amp;b</UserName></User>", "rid");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.c_str()));
  pugi::xml_node root = doc.child("GetUserResponse");
  EXPECT_EQ(std::string(root.attribute("xmlns").value()),
            "https://iam.amazonaws.com/doc/2010-05-08/");
  EXPECT_EQ(std::string(root.child("GetUserResult").child("User").child_value("UserName")), "a&b");
  EXPECT_EQ(std::string(root.child("ResponseMetadata").child_value("RequestId")), "rid");
}

TEST(QueryResponse, EmptyResultIsOmitted) {
  std::string xml = render_query_response("DeleteUser", "urn:x", "", "rid");
  EXPECT_EQ(xml.find("DeleteUserResult"), std::string::npos);
  EXPECT_NE(xml.find("<DeleteUserResponse xmlns=\"urn:x\"><ResponseMetadata><RequestId>rid"),
            std::string::npos);
}

}  // namespace
}  // namespace opsreg::aws
