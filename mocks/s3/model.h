// S3 state: buckets and objects of one world. (Skeleton: filled in by the S3 work.)
#pragma once

#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "core/clock/clock.h"
#include "core/util/result.h"

namespace opsreg::mocks::s3 {

class S3Model {
 public:
  explicit S3Model(const Clock& clock) : clock_(clock) {}
  // Loads the world file's "buckets" array.
  Status load(const nlohmann::json& buckets);
  nlohmann::json snapshot() const;

 private:
  const Clock& clock_;
  mutable std::mutex mu_;
};

}  // namespace opsreg::mocks::s3
