// Outcome summaries, normalisation, and the member-by-member differences of two answers.
#include "scenarios/conform/compare.h"

#include <regex>

#include "core/util/json_text.h"
#include "core/util/split.h"

namespace opsreg::scenarios::conform {

// The first member called `name` at any depth (as scenario references find it), or a
// "A.B" path from the top.
const nlohmann::json* find_member(const nlohmann::json& j, const std::string& name) {
  if (name.find('.') != std::string::npos) {
    const nlohmann::json* at = &j;
    for (std::string_view field : split(name, '.')) {
      std::string part(field);
      if (!at->is_object() || !at->contains(part)) return nullptr;
      at = &(*at)[part];
    }
    return at;
  }
  if (j.is_object()) {
    if (auto it = j.find(name); it != j.end()) return &*it;
    for (const auto& [k, v] : j.items())
      if (auto* f = find_member(v, name)) return f;
  } else if (j.is_array()) {
    for (const auto& v : j)
      if (auto* f = find_member(v, name)) return f;
  }
  return nullptr;
}

std::string Outcome::summary() const {
  if (ok) return "ok";
  std::string status = std::to_string(error.http_status);
  if (error.http_status <= 0 || error.code == status) return error.code;
  return error.code + " (" + status + ")";
}

std::string normalize(const std::string& text, const std::string& run) {
  static const std::regex account("(^|[^0-9])[0-9]{12}(?![0-9])");
  std::string out = std::regex_replace(text, account, "$1<account>");
  if (run.empty()) return out;
  for (size_t at = out.find(run); at != std::string::npos; at = out.find(run, at + 6))
    out.replace(at, run.size(), "${run}");
  return out;
}

std::vector<std::string> differences(const ConformCall& call, const Outcome& fakes,
                                     const Outcome& target, const std::string& run,
                                     std::string_view label) {
  const std::string other(label);
  std::vector<std::string> out;
  if (fakes.summary() != target.summary()) {
    out.push_back("outcome: fakes " + fakes.summary() + ", " + other + " " + target.summary());
    return out;
  }
  if (!fakes.ok) {
    if (call.same_message &&
        normalize(fakes.error.message, run) != normalize(target.error.message, run))
      out.push_back("message: fakes \"" + normalize(fakes.error.message, run) + "\", " + other +
                    " \"" + normalize(target.error.message, run) + "\"");
    return out;
  }
  auto presence = [&](const std::string& name, const nlohmann::json* a, const nlohmann::json* b) {
    if (!a && !b)
      out.push_back(name + ": missing from both answers");
    else if (!a)
      out.push_back(name + ": missing from the fakes' answer");
    else if (!b)
      out.push_back(name + ": missing from the " + other + "'s answer");
    return a && b;
  };
  for (const std::string& name : call.same) {
    const nlohmann::json* a = find_member(fakes.result, name);
    const nlohmann::json* b = find_member(target.result, name);
    if (!presence(name, a, b)) continue;
    std::string x = normalize(as_text(*a), run), y = normalize(as_text(*b), run);
    if (x != y) out.push_back(name + ": fakes \"" + x + "\", " + other + " \"" + y + "\"");
  }
  for (const std::string& name : call.present)
    presence(name, find_member(fakes.result, name), find_member(target.result, name));
  return out;
}

}  // namespace opsreg::scenarios::conform
