// The query protocol's success envelope.
#include "core/aws/query_response.h"

#include "core/aws/xml_writer.h"

namespace opsreg::aws {

std::string render_query_response(std::string_view action, std::string_view xmlns,
                                  std::string_view result_xml, std::string_view request_id) {
  std::string name(action);
  XmlWriter w;
  w.open(name + "Response", xmlns);
  if (!result_xml.empty()) w.open(name + "Result").raw(result_xml).close();
  w.open("ResponseMetadata").leaf("RequestId", request_id).close();
  return w.str();
}

}  // namespace opsreg::aws
