// What the fakes' answers are compared with, call by call: a live target (real AWS or any
// endpoint), the answers AWS documents (a case's "documented" blocks), or a snapshot recorded
// from a target earlier (snapshot.h). The runner makes each call on the fakes and asks the
// reference for its verdict.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenarios/conform/compare.h"
#include "scenarios/conform/conform_case.h"
#include "scenarios/conform/conform_sides.h"

namespace opsreg::scenarios::conform {

// The reference's side of one call: its answer ("ok", "NoSuchEntity (404)") and how the fakes'
// differs from it (empty: the same).
struct Verdict {
  std::string summary;
  std::vector<std::string> differences;
};

class Reference {
 public:
  virtual ~Reference() = default;
  // The column the report shows it under: "target", "documented", "snapshot".
  virtual std::string_view label() const = 0;
  // Before a case's first call. An error stops that case (a snapshot that is missing).
  virtual Status begin_case(const ConformCase&) { return {}; }
  // The verdict on the fakes' answer to `call`, or nothing when the reference has no answer for
  // it (the call is then made on the fakes alone, for the state later calls need).
  virtual std::optional<Verdict> check(const ConformCall& call, const Outcome& fakes,
                                       const std::string& run) = 0;
  // The side the case's cleanup also runs on (what the calls made there), or none.
  virtual Side* live() { return nullptr; }
  virtual SavedResults* live_saved() { return nullptr; }
};

// One call on one side, its "$NAME.Member" references resolved against that side's results.
Outcome make_call(Side& side, const ConformCall& call, SavedResults& saved, const std::string& run);

// Observes a live target's answers (snapshot recording).
class AnswerObserver {
 public:
  virtual ~AnswerObserver() = default;
  virtual void begin_case(const ConformCase& c) = 0;
  virtual void answered(const ConformCall& call, const Outcome& target, const std::string& run) = 0;
};

// Each call made on `target` as well, the answers compared member by member (compare.h).
class LiveReference final : public Reference {
 public:
  explicit LiveReference(Side& target, AnswerObserver* observer = nullptr)
      : target_(target), observer_(observer) {}
  std::string_view label() const override { return "target"; }
  Status begin_case(const ConformCase& c) override;
  std::optional<Verdict> check(const ConformCall& call, const Outcome& fakes,
                               const std::string& run) override;
  Side* live() override { return &target_; }
  SavedResults* live_saved() override { return &saved_; }

 private:
  Side& target_;
  AnswerObserver* observer_;
  SavedResults saved_;
};

// The outcomes AWS documents: only the calls with a "documented" block are compared, by
// outcome (and message where documented).
class DocumentedReference final : public Reference {
 public:
  std::string_view label() const override { return "documented"; }
  std::optional<Verdict> check(const ConformCall& call, const Outcome& fakes,
                               const std::string& run) override;
};

}  // namespace opsreg::scenarios::conform
