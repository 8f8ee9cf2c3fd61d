// One fake service's operations by their AWS names: each entity file of a service's wire folder
// registers its handlers in it (add_<entity>_operations), and the protocol's dispatch reads it.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace opsreg::mocks {

template <class Handler>
class Operations {
 public:
  // Registers `handler` under `name`, the literal AWS operation name ("CreateUser"). A name
  // registered twice is a programming error, thrown when the service is made.
  void add(std::string name, Handler handler) {
    auto [it, inserted] = handlers_.emplace(std::move(name), std::move(handler));
    if (!inserted) throw std::logic_error("operation registered twice: " + it->first);
  }

  // The handler of `name`, or null when the service does not implement that operation.
  const Handler* find(std::string_view name) const {
    auto it = handlers_.find(name);
    return it == handlers_.end() ? nullptr : &it->second;
  }

  // Every registered name, sorted ("AddRoleToInstanceProfile", "CreateUser", …).
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& [name, handler] : handlers_) out.push_back(name);
    return out;
  }

 private:
  std::map<std::string, Handler, std::less<>> handlers_;
};

}  // namespace opsreg::mocks
