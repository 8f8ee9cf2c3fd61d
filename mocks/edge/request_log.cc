// The bounded request log, its filter and its JSON.
#include "mocks/edge/request_log.h"

#include "mocks/world/world.h"

namespace opsreg::mocks {

nlohmann::json to_json(const LoggedRequest& r) {
  nlohmann::json j = {{"seq", r.seq},
                      {"time", r.time},
                      {"service", r.service},
                      {"operation", r.operation},
                      {"access_key_id", r.access_key_id},
                      {"identity", r.identity},
                      {"status", r.status}};
  if (!r.error_code.empty()) j["error_code"] = r.error_code;
  return j;
}

LoggedRequest logged_request_from_json(const nlohmann::json& j) {
  LoggedRequest r;
  if (!j.is_object()) return r;
  auto text = [&](const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
  };
  if (j.contains("seq") && j["seq"].is_number_unsigned()) r.seq = j["seq"].get<uint64_t>();
  r.time = text("time");
  r.service = text("service");
  r.operation = text("operation");
  r.access_key_id = text("access_key_id");
  r.identity = text("identity");
  if (j.contains("status") && j["status"].is_number_integer()) r.status = j["status"].get<int>();
  r.error_code = text("error_code");
  return r;
}

bool RequestFilter::matches(const LoggedRequest& r) const {
  if (r.seq <= since) return false;
  if (!service.empty() && r.service != service) return false;
  if (!operation.empty() && r.operation != operation) return false;
  if (!caller.empty() && r.access_key_id != caller && r.identity != caller) return false;
  if (ok && *ok != r.ok()) return false;
  return true;
}

std::string identity_of_key(const World& world, std::string_view key) {
  if (key.empty()) return "";
  if (key == world.operator_credentials().access_key_id) return "operator";
  const nlohmann::json& source = world.source();
  auto identities = source.find("identities");  // read in place: this runs for every request
  if (identities == source.end() || !identities->is_array()) return "";
  for (const auto& id : *identities)
    if (id.is_object() && id.value("access_key_id", "") == key) return id.value("user_name", "");
  return "";
}

void RequestLog::record(LoggedRequest r) {
  std::lock_guard lock(mu_);
  if (paused_ || capacity_ == 0) return;
  r.seq = next_seq_++;
  if (entries_.size() == capacity_) {
    entries_.pop_front();
    ++dropped_;
  }
  entries_.push_back(std::move(r));
}

void RequestLog::set_paused(bool paused) {
  std::lock_guard lock(mu_);
  paused_ = paused;
}

std::vector<LoggedRequest> RequestLog::list(const RequestFilter& filter) const {
  std::lock_guard lock(mu_);
  std::vector<LoggedRequest> out;
  for (const LoggedRequest& r : entries_)
    if (filter.matches(r)) out.push_back(r);
  return out;
}

uint64_t RequestLog::dropped() const {
  std::lock_guard lock(mu_);
  return dropped_;
}

void RequestLog::clear() {
  std::lock_guard lock(mu_);
  entries_.clear();
  dropped_ = 0;
}

}  // namespace opsreg::mocks
