// Conformance snapshots: a target's answers recorded once (`opsreg conform --target T --record
// DIR`), then the reference the fakes are checked against offline (`--snapshots DIR`). One
// diffable JSON file per case, DIR/<case>.json, saying where and when it was recorded; per call
// the outcome (error code, status, message) and the compared members' normalised values.
// Secrets are never recorded.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "scenarios/conform/reference.h"

namespace opsreg::scenarios::conform {

// Where and when a snapshot was recorded.
struct SnapshotSource {
  std::string target;  // "aws" or the endpoint URL
  std::string region;
  std::string recorded_at;  // ISO 8601, UTC
  std::string recorded_by;  // "opsreg 0.5.0"
};

// The recorded form of one answer to `call`: {"step", "call", "outcome", "error"?, "same"?,
// "present"?}.
nlohmann::ordered_json record_answer(const ConformCall& call, const Outcome& target,
                                     const std::string& run);
// The answer a recorded call stands for: the outcome, and a result holding the recorded members.
Outcome replay_answer(const nlohmann::json& recorded);

// Keeps a live target's answers; write() saves one file per case.
class SnapshotRecorder final : public AnswerObserver {
 public:
  SnapshotRecorder(std::filesystem::path dir, SnapshotSource source)
      : dir_(std::move(dir)), source_(std::move(source)) {}
  void begin_case(const ConformCase& c) override;
  void answered(const ConformCall& call, const Outcome& target, const std::string& run) override;
  // Writes DIR/<case>.json for every case recorded (DIR is made if missing).
  Status write() const;

 private:
  std::filesystem::path dir_;
  SnapshotSource source_;
  std::map<std::string, nlohmann::ordered_json> cases_;
  std::string current_;
};

// The answers of DIR/<case>.json. A case without a file, or a call the snapshot does not hold
// (the case changed since), is an error naming it.
class SnapshotReference final : public Reference {
 public:
  explicit SnapshotReference(std::filesystem::path dir) : dir_(std::move(dir)) {}
  std::string_view label() const override { return "snapshot"; }
  Status begin_case(const ConformCase& c) override;
  std::optional<Verdict> check(const ConformCall& call, const Outcome& fakes,
                               const std::string& run) override;

 private:
  std::filesystem::path dir_;
  std::string file_;
  nlohmann::json calls_;  // the current case's recorded calls
};

}  // namespace opsreg::scenarios::conform
