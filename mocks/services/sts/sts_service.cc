// The STS query service: GetCallerIdentity (who the signing key belongs to; never denied by
// policy, as in AWS) and AssumeRole (assume_role.h).
#include "mocks/services/sts/sts_service.h"

#include "core/aws/xml_writer.h"
#include "mocks/services/query_service.h"
#include "mocks/services/sts/wire.h"

namespace opsreg::mocks::sts {

namespace {

class StsService final : public QueryService {
 public:
  StsService() : QueryService("sts", "https://sts.amazonaws.com/doc/2011-06-15/") {
    add_action("GetCallerIdentity", [](const aws::QueryParams&, CallContext& ctx) {
      const Principal& p = ctx.caller().principal;
      aws::XmlWriter w(false);
      w.leaf("Arn", p.arn).leaf("UserId", p.user_id).leaf("Account", p.account_id);
      return Result<std::string>(w.str());
    });
    add_action("AssumeRole", assume_role);
  }
};

}  // namespace

std::unique_ptr<Service> make_service() { return std::make_unique<StsService>(); }

}  // namespace opsreg::mocks::sts
