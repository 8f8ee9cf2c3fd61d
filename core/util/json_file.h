// Reading a whole file as JSON, for the files users write (scenarios, conformance cases,
// worlds).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/util/result.h"

namespace opsreg {

// Errors: "UnreadableFile" ("cannot read PATH"), "InvalidJson" ("PATH: not valid JSON").
Result<nlohmann::json> read_json_file(const std::filesystem::path& path);

}  // namespace opsreg
