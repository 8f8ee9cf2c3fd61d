// Reading XML response bodies (query protocol, S3) into typed structs with pugixml, or whole
// into JSON. Element names are matched without namespaces, as AWS's default xmlns is all they
// carry.
#pragma once

#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <string>

#include "core/util/result.h"

namespace opsreg::clients {

// Parses `body` into `doc`; a MalformedResponse error when it is not XML.
Status load_xml(const std::string& body, pugi::xml_document* doc);
// The text of `node`'s first child element `name` ("" when absent).
std::string child_text(const pugi::xml_node& node, const char* name);
// The first element named `name` anywhere under `root` (empty node when absent).
pugi::xml_node find_element(const pugi::xml_node& root, const char* name);

// Every leaf element of `body` as NAME -> text, in document order, the first of each name
// winning ("AccessKeyId", "Key", ...): an answer read without its shape (the scenario call
// step, S3 results). An empty object when `body` is not XML.
nlohmann::json xml_members(const std::string& body);
// The same of the elements under `node` (one item of a list, <Deleted>...</Deleted>).
nlohmann::json xml_members(pugi::xml_node node);

}  // namespace opsreg::clients
