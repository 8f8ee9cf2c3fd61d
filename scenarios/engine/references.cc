// "$register.IamUserName" and "${call.AccessKeyId}": later steps refer to earlier results.
#include <regex>

#include "core/util/json_text.h"
#include "scenarios/engine/steps.h"

namespace opsreg::scenarios {

namespace {

// The first member called `key` at any depth (objects before their children).
const nlohmann::json* find_any(const nlohmann::json& j, const std::string& key) {
  if (j.is_object()) {
    if (auto it = j.find(key); it != j.end()) return &*it;
    for (const auto& [k, v] : j.items())
      if (auto* f = find_any(v, key)) return f;
  } else if (j.is_array()) {
    for (const auto& v : j)
      if (auto* f = find_any(v, key)) return f;
  }
  return nullptr;
}

Result<nlohmann::json> lookup(const std::string& ref, const SavedResults& results) {
  auto dot = ref.find('.');
  std::string name = ref.substr(0, dot);
  auto saved = results.find(name);
  if (saved == results.end())
    return aws::make_error("UnresolvedReference",
                           "$" + ref + ": no earlier result named '" + name + "'", 0);
  if (dot == std::string::npos) return saved->second;
  std::string path = ref.substr(dot + 1);
  if (path.find('.') == std::string::npos) {
    if (auto* f = find_any(saved->second, path)) return *f;
  } else {
    std::string pointer = "/" + std::regex_replace(path, std::regex("\\."), "/");
    auto p = nlohmann::json::json_pointer(pointer);
    if (saved->second.contains(p)) return saved->second[p];
  }
  return aws::make_error("UnresolvedReference",
                         "$" + ref + ": the result of '" + name + "' has no " + path + " (it has " +
                             saved->second.dump() + ")",
                         0);
}

}  // namespace

Result<nlohmann::json> resolve(const nlohmann::json& value, const ScenarioWorld& w) {
  return resolve(value, w.saved);
}

Result<nlohmann::json> resolve(const nlohmann::json& value, const SavedResults& w) {
  if (value.is_string()) {
    const std::string& s = value.get_ref<const std::string&>();
    static const std::regex whole("^\\$([A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*)$");
    std::smatch m;
    if (std::regex_match(s, m, whole)) return lookup(m[1], w);
    static const std::regex inner("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)\\}");
    std::string out;
    auto begin = s.cbegin();
    for (std::sregex_iterator it(s.begin(), s.end(), inner), end; it != end; ++it) {
      out.append(begin, s.cbegin() + it->position());
      auto v = lookup((*it)[1], w);
      if (!v.ok()) return v.error();
      out += as_text(*v);
      begin = s.cbegin() + it->position() + it->length();
    }
    out.append(begin, s.cend());
    return nlohmann::json(out);
  }
  if (value.is_object() || value.is_array()) {
    nlohmann::json out = value;
    for (auto& [k, v] : out.items()) {
      auto r = resolve(v, w);
      if (!r.ok()) return r.error();
      v = std::move(*r);
    }
    return out;
  }
  return value;
}

}  // namespace opsreg::scenarios
