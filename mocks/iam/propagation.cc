// IAM's eventual consistency: what requests see of keys and policies lags the API by the
// world's propagation delay. Changes are logged with the time they take effect; a grant undoes,
// newest first, those not yet in effect.
#include "mocks/iam/model.h"

namespace opsreg::mocks::iam {

void IamModel::set_propagation_delay(std::chrono::microseconds delay) {
  std::lock_guard lock(mu_);
  propagation_delay_ = delay;
}

void IamModel::note_inline_change(std::string_view entity,
                                  const std::map<std::string, InlinePolicy>& policies,
                                  std::string_view policy_name) {
  if (propagation_delay_.count() == 0) return;
  TimePoint now = clock_.now();
  std::erase_if(pending_changes_, [&](const PolicyChange& c) { return c.effective <= now; });
  std::erase_if(retired_keys_, [&](const auto& entry) { return entry.second.second <= now; });
  PolicyChange change;
  change.effective = now + propagation_delay_;
  change.entity = entity;
  change.name = policy_name;
  if (auto p = policies.find(std::string(policy_name)); p != policies.end())
    change.inline_before = p->second;
  pending_changes_.push_back(std::move(change));
}

void IamModel::note_managed_change(std::string_view entity, const std::set<std::string>& attached,
                                   std::string_view policy_arn) {
  if (propagation_delay_.count() == 0) return;
  TimePoint now = clock_.now();
  std::erase_if(pending_changes_, [&](const PolicyChange& c) { return c.effective <= now; });
  PolicyChange change;
  change.effective = now + propagation_delay_;
  change.entity = entity;
  change.name = policy_arn;
  change.managed = true;
  change.attached_before = attached.contains(std::string(policy_arn));
  pending_changes_.push_back(std::move(change));
}

void IamModel::add_effective_policies(std::string_view entity,
                                      const std::map<std::string, InlinePolicy>& policies,
                                      const std::set<std::string>& attached,
                                      std::vector<policy::PolicyPtr>& out) const {
  auto add = [&](const std::map<std::string, InlinePolicy>& inline_policies,
                 const std::set<std::string>& arns) {
    for (const auto& [name, p] : inline_policies)
      if (p.parsed) out.push_back(p.parsed);
    for (const auto& arn : arns)
      if (const auto& p = managed_.at(arn).parsed) out.push_back(p);
  };
  TimePoint now = clock_.now();
  bool pending = false;
  for (const PolicyChange& c : pending_changes_)
    pending = pending || (c.entity == entity && c.effective > now);
  if (!pending) return add(policies, attached);
  std::map<std::string, InlinePolicy> seen_policies = policies;
  std::set<std::string> seen_attached = attached;
  for (auto c = pending_changes_.rbegin(); c != pending_changes_.rend(); ++c) {
    if (c->entity != entity || c->effective <= now) continue;
    if (c->managed) {
      if (c->attached_before)
        seen_attached.insert(c->name);
      else
        seen_attached.erase(c->name);
    } else if (c->inline_before) {
      seen_policies[c->name] = *c->inline_before;
    } else {
      seen_policies.erase(c->name);
    }
  }
  // A managed policy detached and deleted since is no longer in the catalogue.
  std::erase_if(seen_attached, [&](const std::string& arn) { return !managed_.contains(arn); });
  add(seen_policies, seen_attached);
}

}  // namespace opsreg::mocks::iam
