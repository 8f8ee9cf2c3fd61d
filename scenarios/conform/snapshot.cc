// Recording a target's answers to snapshot files and replaying them as a reference.
#include "scenarios/conform/snapshot.h"

#include <sys/stat.h>

#include "core/util/atomic_file.h"
#include "core/util/json_file.h"
#include "core/util/json_text.h"

namespace opsreg::scenarios::conform {

namespace {

// Members whose values are never written down, whatever a case compares.
bool secret(const std::string& name) {
  for (const char* word : {"Secret", "Password", "SessionToken", "PrivateKey"})
    if (name.find(word) != std::string::npos) return true;
  return false;
}

// Sets `value` at `name` in `answer`, nested for a path "A.B", so that find_member finds it.
void put_member(nlohmann::json& answer, const std::string& name, nlohmann::json value) {
  nlohmann::json* at = &answer;
  for (size_t from = 0;;) {
    size_t dot = name.find('.', from);
    std::string part = name.substr(from, dot == std::string::npos ? dot : dot - from);
    if (dot == std::string::npos) {
      (*at)[part] = std::move(value);
      return;
    }
    at = &(*at)[part];
    from = dot + 1;
  }
}

aws::Error bad_snapshot(const std::string& what) { return aws::make_error("BadSnapshot", what, 0); }

}  // namespace

nlohmann::ordered_json record_answer(const ConformCall& call, const Outcome& target,
                                     const std::string& run) {
  nlohmann::ordered_json r = {{"step", call.index},
                              {"call", call.service + " " + call.operation},
                              {"outcome", target.summary()}};
  if (!target.ok) {
    r["error"] = {{"code", target.error.code},
                  {"status", target.error.http_status},
                  {"message", normalize(target.error.message, run)}};
    return r;
  }
  nlohmann::ordered_json same = nlohmann::ordered_json::object();
  for (const std::string& name : call.same)
    if (const nlohmann::json* v = find_member(target.result, name))
      same[name] = secret(name) ? "<secret: not recorded>" : normalize(as_text(*v), run);
  nlohmann::ordered_json present = nlohmann::ordered_json::array();
  for (const std::string& name : call.present)
    if (find_member(target.result, name)) present.push_back(name);
  if (!same.empty()) r["same"] = same;
  if (!present.empty()) r["present"] = present;
  return r;
}

Outcome replay_answer(const nlohmann::json& recorded) {
  Outcome o;
  if (recorded.contains("error")) {
    const nlohmann::json& e = recorded["error"];
    o.error = aws::make_error(e.value("code", ""), e.value("message", ""), e.value("status", 0));
    return o;
  }
  o.ok = true;
  o.result = nlohmann::json::object();
  const nlohmann::json same = recorded.value("same", nlohmann::json::object());
  const nlohmann::json present = recorded.value("present", nlohmann::json::array());
  for (const auto& [name, value] : same.items()) put_member(o.result, name, value);
  for (const auto& name : present)
    if (name.is_string()) put_member(o.result, name.get<std::string>(), "<present>");
  return o;
}

void SnapshotRecorder::begin_case(const ConformCase& c) {
  current_ = c.name;
  cases_[current_] = {{"case", c.name},
                      {"recorded",
                       {{"target", source_.target},
                        {"region", source_.region},
                        {"at", source_.recorded_at},
                        {"by", source_.recorded_by}}},
                      {"calls", nlohmann::ordered_json::array()}};
}

void SnapshotRecorder::answered(const ConformCall& call, const Outcome& target,
                                const std::string& run) {
  cases_[current_]["calls"].push_back(record_answer(call, target, run));
}

Status SnapshotRecorder::write() const {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) return aws::make_error("CannotWrite", dir_.string() + ": " + ec.message(), 0);
  for (const auto& [name, snapshot] : cases_)
    if (Status s = write_file_atomically(dir_ / (name + ".json"), snapshot.dump(2) + "\n", 0644);
        !s.ok())
      return s;
  return {};
}

Status SnapshotReference::begin_case(const ConformCase& c) {
  file_ = (dir_ / (c.name + ".json")).string();
  auto j = read_json_file(file_);
  if (!j.ok()) return bad_snapshot("no snapshot of case " + c.name + ": " + j.error().message);
  if (!j->is_object() || j->value("case", "") != c.name || !j->contains("calls") ||
      !(*j)["calls"].is_array())
    return bad_snapshot(file_ + ": not a snapshot of case " + c.name);
  calls_ = (*j)["calls"];
  return {};
}

std::optional<Verdict> SnapshotReference::check(const ConformCall& call, const Outcome& fakes,
                                                const std::string& run) {
  const std::string name = call.service + " " + call.operation;
  for (const nlohmann::json& recorded : calls_) {
    if (!recorded.is_object() || recorded.value("step", size_t{0}) != call.index) continue;
    if (recorded.value("call", "") != name)
      return Verdict{"?",
                     {"the snapshot's step " + std::to_string(call.index) + " is " +
                      recorded.value("call", "") + ", not " + name +
                      " (the case changed since it was recorded: record it again)"}};
    Outcome answer = replay_answer(recorded);
    return Verdict{answer.summary(), differences(call, fakes, answer, run, label())};
  }
  return Verdict{"?", {"not in " + file_ + " (record the case again)"}};
}

}  // namespace opsreg::scenarios::conform
