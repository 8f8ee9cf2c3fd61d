// What the scenario `call` step saves from an XML response (query services, S3): every leaf
// element as NAME -> text, shared by actions.cc and s3_call.cc.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace opsreg::scenarios {

// Every leaf element of `body` as NAME -> text, in document order, the first of each name
// winning ("AccessKeyId", "Key", ...). An empty object when `body` is not XML.
nlohmann::json xml_members(const std::string& body);

}  // namespace opsreg::scenarios
