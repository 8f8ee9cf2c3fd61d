// Rendering and parsing of AWS error bodies per protocol.
#include "core/aws/error_wire.h"

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "core/aws/xml_writer.h"
#include "core/util/json_bounded.h"

namespace opsreg::aws {

WireError render_error(Protocol protocol, const Error& error, std::string_view request_id,
                       std::string_view resource, std::string_view xml_namespace) {
  switch (protocol) {
    case Protocol::kQuery: {
      XmlWriter w;
      w.open("ErrorResponse", xml_namespace.empty()
                                  ? std::string_view("https://iam.amazonaws.com/doc/2010-05-08/")
                                  : xml_namespace)
          .open("Error")
          .leaf("Type", error.sender_fault ? "Sender" : "Receiver")
          .leaf("Code", error.code)
          .leaf("Message", error.message)
          .close()
          .leaf("RequestId", request_id);
      return {error.http_status, "text/xml", w.str()};
    }
    case Protocol::kEc2: {
      XmlWriter w;
      w.open("Response")
          .open("Errors")
          .open("Error")
          .leaf("Code", error.code)
          .leaf("Message", error.message)
          .close()
          .close()
          .leaf("RequestID", request_id);
      return {error.http_status, "text/xml;charset=UTF-8", w.str()};
    }
    case Protocol::kJson: {
      nlohmann::json j = {{"__type", error.code}, {"message", error.message}};
      // The message may echo request bytes that are not UTF-8 (an X-Amz-Target): replaced,
      // as a throwing dump would take the whole server down.
      return {error.http_status, "application/x-amz-json-1.1",
              j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
    }
    case Protocol::kRestXml: {
      XmlWriter w;
      w.open("Error").leaf("Code", error.code).leaf("Message", error.message);
      w.leaf_if("Resource", resource).leaf("RequestId", request_id);
      return {error.http_status, "application/xml", w.str()};
    }
  }
  return {500, "text/plain", "unknown protocol"};
}

Error parse_error(Protocol protocol, int http_status, std::string_view body) {
  Error e;
  e.http_status = http_status;
  e.sender_fault = http_status < 500;
  if (protocol == Protocol::kJson) {
    auto j = parse_json_bounded(body);
    if (j.is_object()) {
      // Members that are absent or not strings read as empty (never throw on odd bodies).
      auto text = [&](const char* name) {
        auto it = j.find(name);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
      };
      std::string type = text("__type");
      if (type.empty()) type = text("code");
      if (auto hash = type.rfind('#'); hash != std::string::npos) type = type.substr(hash + 1);
      e.code = type;
      e.message = j.contains("message") ? text("message") : text("Message");
    }
  } else {
    pugi::xml_document doc;
    if (doc.load_buffer(body.data(), body.size())) {
      pugi::xpath_node code = doc.select_node("//Error/Code");
      pugi::xpath_node msg = doc.select_node("//Error/Message");
      if (code) e.code = code.node().child_value();
      if (msg) e.message = msg.node().child_value();
      pugi::xpath_node type = doc.select_node("//Error/Type");
      if (type) e.sender_fault = std::string_view(type.node().child_value()) != "Receiver";
    }
  }
  if (e.code.empty()) e.code = "HTTP" + std::to_string(http_status);
  return e;
}

}  // namespace opsreg::aws
