// STS GetCallerIdentity: who the signing key belongs to. Never denied by policy, as in AWS.
#include "mocks/sts/handlers.h"

#include "core/aws/xml_writer.h"
#include "mocks/edge/query_service.h"

namespace opsreg::mocks::sts {

namespace {

class StsService final : public QueryService {
 public:
  StsService() : QueryService("sts", "https://sts.amazonaws.com/doc/2011-06-15/") {
    add_action("GetCallerIdentity", [](const aws::QueryParams&, CallContext& ctx) {
      const iam::Principal& p = ctx.caller().principal;
      aws::XmlWriter w(false);
      w.leaf("Arn", p.arn).leaf("UserId", p.user_id).leaf("Account", p.account_id);
      return Result<std::string>(w.str());
    });
  }
};

}  // namespace

std::unique_ptr<Service> make_service() { return std::make_unique<StsService>(); }

}  // namespace opsreg::mocks::sts
