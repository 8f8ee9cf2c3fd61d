// Parsing the world file's "settings" object.
#include "mocks/world/world_settings.h"

namespace opsreg::mocks {

namespace {
aws::Error invalid(const std::string& what) {
  return aws::make_error("ValidationError", "world file: settings: " + what);
}
}  // namespace

Result<WorldSettings> parse_world_settings(const nlohmann::json& settings) {
  WorldSettings out;
  if (settings.is_null()) return out;
  if (!settings.is_object()) return invalid("must be an object");
  for (const auto& [key, value] : settings.items()) {
    if (key == "agent_key_pool") {
      if (!value.is_number_integer() || value.get<int64_t>() < 0 ||
          value.get<int64_t>() > kMaxAgentKeyPool)
        return invalid("agent_key_pool must be an integer from 0 (off) to " +
                       std::to_string(kMaxAgentKeyPool));
      out.agent_key_pool = value.get<int>();
    } else {
      return invalid("unknown key " + key);
    }
  }
  return out;
}

}  // namespace opsreg::mocks
