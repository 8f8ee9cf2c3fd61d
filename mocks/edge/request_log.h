// The request log: every request the edge answered (admin API requests are not the edge's), in
// order, with the world's time, the service and operation, the caller's key and the identity it
// belongs to, and the answer's status and AWS error code. Bounded: it keeps the last `capacity`
// entries and counts the ones it dropped. The harness keeps one per world it serves; the admin
// API lists it (GET /_opsreg/requests) and the scenario engine's `requests` expectation reads it.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace opsreg::mocks {

class World;

// A request carrying this header is a check's own read (`opsreg expect`, a scenario's expect
// step), not something the tool under test did: the log leaves it out.
inline constexpr std::string_view kUnloggedHeader = "X-Opsreg-Check";

// One request the edge answered.
struct LoggedRequest {
  uint64_t seq = 0;           // 1, 2, ... in the order answered (given by the log)
  std::string time;           // the world's time when answered, ISO 8601 with milliseconds
  std::string service;        // signing name: iam, sts, s3, ec2, opsworks ("" none matched)
  std::string operation;      // as fault rules name it (mocks/services/operation_name.h)
  std::string access_key_id;  // the key the request claims to be signed with ("" anonymous)
  std::string identity;       // "operator", a world file "identities" user_name, "" unknown
  int status = 0;             // the HTTP status (0: the connection was dropped)
  std::string error_code;     // the AWS error code when refused ("" otherwise)

  bool ok() const { return status >= 200 && status < 300; }
};

nlohmann::json to_json(const LoggedRequest& r);
// Reads what to_json wrote; members missing or of another type are left empty.
LoggedRequest logged_request_from_json(const nlohmann::json& j);

// Which entries a listing returns; empty members match everything.
struct RequestFilter {
  std::string service;
  std::string operation;
  std::string caller;      // an identity name or an access key id
  std::optional<bool> ok;  // only 2xx answers (true) or only the others (false)
  uint64_t since = 0;      // only entries with a larger sequence number

  bool matches(const LoggedRequest& r) const;
};

// The name of the identity whose key `access_key_id` is in `world`: "operator" (the account's
// root keys) or the user_name of the world file's "identities" entry holding it; "" otherwise.
std::string identity_of_key(const World& world, std::string_view access_key_id);

class RequestLog {
 public:
  static constexpr size_t kDefaultCapacity = 100000;
  explicit RequestLog(size_t capacity = kDefaultCapacity) : capacity_(capacity) {}

  // Appends `r` with the next sequence number, dropping the oldest entry when full; nothing
  // while paused. Thread-safe.
  void record(LoggedRequest r);
  // While paused, record() keeps nothing (a scenario's own checks are not the scenario's).
  void set_paused(bool paused);

  // The kept entries `filter` matches, oldest first.
  std::vector<LoggedRequest> list(const RequestFilter& filter = {}) const;
  // How many entries were dropped to keep the bound (since the last clear()).
  uint64_t dropped() const;
  // Forgets every entry and the dropped count; sequence numbers go on (a `since` stays valid).
  void clear();

 private:
  const size_t capacity_;
  mutable std::mutex mu_;
  std::deque<LoggedRequest> entries_;  // guarded by mu_
  uint64_t next_seq_ = 1;              // guarded by mu_
  uint64_t dropped_ = 0;               // guarded by mu_
  bool paused_ = false;                // guarded by mu_
};

}  // namespace opsreg::mocks
