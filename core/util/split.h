// Splitting text at a separator: every field, empty ones included, as views into the text.
#pragma once

#include <string_view>
#include <vector>

namespace opsreg {

// "a,,b" -> {"a", "", "b"}; "" -> {""}. The views point into `text`.
inline std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t end = text.find(separator, start);
    if (end == std::string_view::npos) {
      fields.push_back(text.substr(start));
      return fields;
    }
    fields.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace opsreg
