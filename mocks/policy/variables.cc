// Expansion of ${...} policy variables into match patterns.
#include "mocks/policy/variables.h"

namespace opsreg::mocks::policy {

namespace {
std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}
}  // namespace

std::optional<Pattern> expand_variables(std::string_view text, const RequestContext& ctx,
                                        bool expand) {
  if (!expand) return Pattern::wild(text);
  Pattern out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t open = text.find("${", pos);
    size_t close = open == std::string_view::npos ? open : text.find('}', open + 2);
    if (close == std::string_view::npos) {
      out.append_wild(text.substr(pos));
      break;
    }
    out.append_wild(text.substr(pos, open - pos));
    std::string_view body = trim(text.substr(open + 2, close - open - 2));
    pos = close + 1;
    if (body == "*" || body == "?" || body == "$") {
      out.append_literal(body);
      continue;
    }
    std::optional<std::string_view> fallback;
    if (size_t comma = body.find(','); comma != std::string_view::npos) {
      std::string_view def = trim(body.substr(comma + 1));
      if (def.size() >= 2 && def.front() == '\'' && def.back() == '\'')
        fallback = def.substr(1, def.size() - 2);
      body = trim(body.substr(0, comma));
    }
    if (std::optional<std::string> value = ctx.get(body)) {
      out.append_literal(*value);
    } else if (fallback) {
      out.append_literal(*fallback);
    } else {
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace opsreg::mocks::policy
