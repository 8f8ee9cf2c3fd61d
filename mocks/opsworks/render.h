// OpsWorks entities as the API renders them (Stack, Layer, Instance shapes of the 2013-02-18
// model): used by the Describe* handlers and by the world snapshot.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "mocks/opsworks/entities.h"

namespace opsreg::mocks::opsworks {

// OpsWorks' DateTime strings: "2026-01-01T00:00:00+00:00".
std::string format_datetime(TimePoint t);

nlohmann::json to_json(const Stack& stack);
nlohmann::json to_json(const Layer& layer);
// Leaves out the agent's RSA public key and its fingerprint (kept, never returned).
nlohmann::json to_json(const Instance& instance);

}  // namespace opsreg::mocks::opsworks
