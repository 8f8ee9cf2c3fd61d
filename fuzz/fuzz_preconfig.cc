// libFuzzer target: the agent preconfig file as the simulated agent reads it back
// (core/register/preconfig.h parse_preconfig: ":key: <JSON value>" lines). Asserts that what
// parses renders (render_preconfig, what `register` writes) to text that parses to the same
// values.
// libFuzzer: -max_len=4096 -timeout=10
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/register/preconfig.h"
#include "fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace opsreg::registration;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto values = parse_preconfig(text);
  if (!values.ok()) {
    FUZZ_CHECK(values.error().code == "InvalidPreconfig");
    return 0;
  }
  std::string rendered = render_preconfig(*values);
  auto again = parse_preconfig(rendered);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(*again == *values);
  preconfig_text(*values, "stack_id");
  return 0;
}
