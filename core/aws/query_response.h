// The query protocol's success envelope (IAM, STS):
// <ActionResponse xmlns=NS><ActionResult>…</ActionResult><ResponseMetadata><RequestId/>…
#pragma once

#include <string>
#include <string_view>

namespace opsreg::aws {

// `result_xml` is the inner XML of <ActionResult>; when empty the Result element is omitted
// (actions such as DeleteUser return only metadata).
std::string render_query_response(std::string_view action, std::string_view xmlns,
                                  std::string_view result_xml, std::string_view request_id);

}  // namespace opsreg::aws
