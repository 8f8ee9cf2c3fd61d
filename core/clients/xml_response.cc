// pugixml helpers for the typed clients.
#include "core/clients/xml_response.h"

namespace opsreg::clients {

Status load_xml(const std::string& body, pugi::xml_document* doc) {
  if (!doc->load_buffer(body.data(), body.size()))
    return aws::make_error("MalformedResponse", "The response body is not valid XML", 200);
  return {};
}

std::string child_text(const pugi::xml_node& node, const char* name) {
  return node.child(name).child_value();
}

pugi::xml_node find_element(const pugi::xml_node& root, const char* name) {
  return root.find_node([name](const pugi::xml_node& n) {
    return n.type() == pugi::node_element && std::string_view(n.name()) == name;
  });
}

nlohmann::json xml_members(const std::string& body) {
  pugi::xml_document doc;
  if (!doc.load_string(body.c_str())) return nlohmann::json::object();
  return xml_members(doc);
}

nlohmann::json xml_members(pugi::xml_node node) {
  nlohmann::json out = nlohmann::json::object();
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
  node.traverse(walker);
  return out;
}

}  // namespace opsreg::clients
