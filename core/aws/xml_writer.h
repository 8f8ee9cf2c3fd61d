// A small streaming XML writer for AWS responses and requests: elements, escaped text,
// nothing else. Usage: XmlWriter w; w.open("A").leaf("B", "x").close(); w.str().
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace opsreg::aws {

class XmlWriter {
 public:
  // Starts with `<?xml version="1.0" encoding="UTF-8"?>` when `declaration`.
  explicit XmlWriter(bool declaration = true);

  // Opens <name xmlns="..."> (xmlns omitted when empty).
  XmlWriter& open(std::string_view name, std::string_view xmlns = {});
  XmlWriter& close();  // closes the innermost open element
  XmlWriter& leaf(std::string_view name, std::string_view text);
  XmlWriter& leaf_if(std::string_view name, std::string_view text);  // skipped when empty
  // Appends already-rendered XML.
  XmlWriter& raw(std::string_view xml);

  // Closes whatever is still open and returns the document.
  std::string str();

 private:
  std::string out_;
  std::vector<std::string> open_;
};

// Escapes &, <, >, " and ' for text and attribute values (and CR as &#13;); the other control
// characters but tab and newline, which XML cannot carry, become U+FFFD.
std::string xml_escape(std::string_view text);

}  // namespace opsreg::aws
