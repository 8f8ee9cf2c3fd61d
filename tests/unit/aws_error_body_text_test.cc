// An error body stays well-formed whatever bytes its message echoes from the request (an
// operation name from X-Amz-Target, an Action from a form body): invalid UTF-8 in a JSON error
// and control characters in an XML one are replaced, never a thrown exception (which ended
// `opsreg serve`) nor a body no client can parse.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "core/aws/error_wire.h"
#include "core/aws/xml_writer.h"

namespace opsreg::aws {
namespace {

using namespace std::string_literals;

const Error kEchoing =
    make_error("UnknownOperationException", "no operation Re\xe7gister\x01\x00X"s, 400);

TEST(ErrorBodyText, JsonErrorWithInvalidUtf8IsStillJson) {
  WireError w;
  ASSERT_NO_THROW(w = render_error(Protocol::kJson, kEchoing, "req-1"));
  auto j = nlohmann::json::parse(w.body, nullptr, false);
  ASSERT_TRUE(j.is_object()) << w.body;
  EXPECT_EQ(j["__type"], "UnknownOperationException");
  EXPECT_TRUE(j["message"].get<std::string>().starts_with("no operation Re"));
}

TEST(ErrorBodyText, XmlErrorsWithControlCharactersAreStillXml) {
  for (Protocol p : {Protocol::kQuery, Protocol::kEc2, Protocol::kRestXml}) {
    WireError w = render_error(p, kEchoing, "req-1");
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_buffer(w.body.data(), w.body.size())) << w.body;
    EXPECT_NE(w.body.find("Re\xe7gister"), std::string::npos);
  }
}

TEST(ErrorBodyText, XmlEscapeReplacesWhatXmlCannotCarry) {
  EXPECT_EQ(xml_escape(std::string("a\x01"
                                   "b\x00"
                                   "c\x1f",
                                   6)),
            "a\xef\xbf\xbd"
            "b\xef\xbf\xbd"
            "c\xef\xbf\xbd");
  EXPECT_EQ(xml_escape("tab\tnl\ncr\r<&>"), "tab\tnl\ncr&#13;&lt;&amp;&gt;");
}

}  // namespace
}  // namespace opsreg::aws
