// Every leaf element of an XML response as NAME -> text: what the scenario call step saves from
// a query service's or S3's XML answer.
#include "scenarios/engine/xml_members.h"

#include <pugixml.hpp>

namespace opsreg::scenarios {

nlohmann::json xml_members(const std::string& body) {
  nlohmann::json out = nlohmann::json::object();
  pugi::xml_document doc;
  if (!doc.load_string(body.c_str())) return out;
  struct Walker : pugi::xml_tree_walker {
    nlohmann::json* out;
    bool for_each(pugi::xml_node& n) override {
      if (n.type() == pugi::node_element && n.first_child().type() == pugi::node_pcdata &&
          !out->contains(n.name()))
        (*out)[n.name()] = n.child_value();
      return true;
    }
  } walker;
  walker.out = &out;
  doc.traverse(walker);
  return out;
}

}  // namespace opsreg::scenarios
