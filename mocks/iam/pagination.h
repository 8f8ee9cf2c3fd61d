// IAM's Marker/MaxItems paging, shared by every List* call and GetGroup: MaxItems 1..1000
// (default 100), an opaque Marker naming where the next page starts, IsTruncated.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.h"
#include "mocks/iam/naming.h"

namespace opsreg::mocks::iam {

inline constexpr int kDefaultMaxItems = 100;
inline constexpr int kMaxMaxItems = 1000;

// One page of a Marker/MaxItems listing.
template <class T>
struct Page {
  std::vector<T> items;
  bool is_truncated = false;
  std::string marker;  // for the next call, when truncated
};

// MaxItems must be 1..1000: ValidationError "... at 'maxItems' failed to satisfy constraint:
// Member must have value greater than or equal to 1" otherwise.
Status validate_max_items(int max_items);

// The opaque marker for a page starting at the item whose sort key is `key`.
std::string encode_marker(std::string_view key);
// The sort key a marker resumes at; ValidationError when the marker is not one we issued.
Result<std::string> decode_marker(std::string_view marker);

// One page of `items`, which must be sorted by `key_of` under CaseInsensitiveLess. An empty
// `marker` starts at the beginning; otherwise the page starts at the first item whose key is not
// less than the marker's (so items deleted between calls do not break the listing).
template <class T, class KeyOf>
Result<Page<T>> paginate(std::vector<T> items, KeyOf key_of, std::string_view marker,
                         int max_items) {
  if (Status s = validate_max_items(max_items); !s.ok()) return s.error();
  size_t start = 0;
  if (!marker.empty()) {
    auto key = decode_marker(marker);
    if (!key.ok()) return key.error();
    CaseInsensitiveLess less;
    while (start < items.size() && less(key_of(items[start]), *key)) ++start;
  }
  Page<T> page;
  size_t end = std::min(items.size(), start + static_cast<size_t>(max_items));
  for (size_t i = start; i < end; ++i) page.items.push_back(std::move(items[i]));
  if (end < items.size()) {
    page.is_truncated = true;
    page.marker = encode_marker(key_of(items[end]));
  }
  return page;
}

// The entities of `all` (IAM's name -> entity map) whose path starts with `path_prefix` (""
// lists them all), one page: what ListUsers, ListGroups and ListRoles answer. ValidationError
// for a bad prefix or MaxItems. The caller holds the model's lock.
template <class Map, class NameOf>
Result<Page<typename Map::mapped_type>> list_by_path(const Map& all, std::string_view path_prefix,
                                                     std::string_view marker, int max_items,
                                                     NameOf name_of) {
  if (path_prefix.empty())
    path_prefix = "/";
  else if (Status s = validate_path_prefix(path_prefix); !s.ok())
    return s.error();
  std::vector<typename Map::mapped_type> matching;
  for (const auto& [name, entity] : all)
    if (entity.path.starts_with(path_prefix)) matching.push_back(entity);
  return paginate(std::move(matching), name_of, marker, max_items);
}

}  // namespace opsreg::mocks::iam
