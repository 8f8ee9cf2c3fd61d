// The streaming XML writer.
#include "core/aws/xml_writer.h"

namespace opsreg::aws {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
      case '\n':
        out.push_back(c);
        break;
      default:
        // XML 1.0 cannot carry the other control characters, even as references: U+FFFD.
        if (static_cast<unsigned char>(c) < 0x20)
          out += "\xef\xbf\xbd";
        else
          out.push_back(c);
    }
  }
  return out;
}

XmlWriter::XmlWriter(bool declaration) {
  if (declaration) out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
}

XmlWriter& XmlWriter::open(std::string_view name, std::string_view xmlns) {
  out_.push_back('<');
  out_.append(name);
  if (!xmlns.empty()) out_.append(" xmlns=\"").append(xml_escape(xmlns)).append("\"");
  out_.push_back('>');
  open_.emplace_back(name);
  return *this;
}

XmlWriter& XmlWriter::close() {
  if (open_.empty()) return *this;
  out_.append("</").append(open_.back()).append(">");
  open_.pop_back();
  return *this;
}

XmlWriter& XmlWriter::leaf(std::string_view name, std::string_view text) {
  out_.push_back('<');
  out_.append(name).append(">").append(xml_escape(text)).append("</").append(name).append(">");
  return *this;
}

XmlWriter& XmlWriter::leaf_if(std::string_view name, std::string_view text) {
  return text.empty() ? *this : leaf(name, text);
}

XmlWriter& XmlWriter::raw(std::string_view xml) {
  out_.append(xml);
  return *this;
}

std::string XmlWriter::str() {
  while (!open_.empty()) close();
  return out_;
}

}  // namespace opsreg::aws
