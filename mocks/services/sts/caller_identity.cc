// STS GetCallerIdentity on the wire: who the signing key belongs to. Never denied by policy, as
// in AWS.
#include "core/aws/xml_writer.h"
#include "mocks/services/sts/wire.h"

namespace opsreg::mocks::sts {

namespace {

Result<std::string> get_caller_identity(const aws::QueryParams&, CallContext& ctx) {
  const Principal& p = ctx.caller().principal;
  aws::XmlWriter w(false);
  w.leaf("Arn", p.arn).leaf("UserId", p.user_id).leaf("Account", p.account_id);
  return w.str();
}

}  // namespace

void add_caller_identity_operations(QueryOperations& ops) {
  ops.add("GetCallerIdentity", get_caller_identity);
}

}  // namespace opsreg::mocks::sts
