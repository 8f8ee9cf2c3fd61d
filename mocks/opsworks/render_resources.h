// Volumes, Elastic IPs and service errors as the API renders them (Volume, ElasticIp and
// ServiceError shapes of the 2013-02-18 model); empty strings are left out.
#pragma once

#include <nlohmann/json.hpp>

#include "mocks/opsworks/resources.h"

namespace opsreg::mocks::opsworks {

// Status: "in-use" when attached to an instance, else "available".
nlohmann::json to_json(const Volume& volume);
nlohmann::json to_json(const ElasticIp& elastic_ip);
nlohmann::json to_json(const ServiceError& error);

}  // namespace opsreg::mocks::opsworks
