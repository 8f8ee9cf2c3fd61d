// libFuzzer target: the AWS query protocol's form bodies and query strings (IAM, STS, EC2;
// core/aws/query_params.h) and percent-decoding (core/aws/uri.h). Asserts that get() returns a
// key's last value, that list() reads only members that are there, and that encoding then
// decoding gives back every byte string, every parameter list and every form.
// libFuzzer: -max_len=4096 -timeout=10
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/aws/query_params.h"
#include "core/aws/uri.h"
#include "fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace opsreg::aws;
  std::string_view text(reinterpret_cast<const char*>(data), size);

  FUZZ_CHECK(uri_decode(uri_encode(text)) == text);
  FUZZ_CHECK(uri_decode(uri_encode(text, /*keep_slash=*/true)) == text);
  FUZZ_CHECK(uri_decode(uri_encode(text), /*plus_is_space=*/true) == text);

  QueryParams form = QueryParams::parse(text);
  for (const auto& [key, value] : form.all()) {
    auto got = form.get(key);
    FUZZ_CHECK(got.has_value());
    std::string last;
    for (const auto& [k, v] : form.all())
      if (k == key) last = v;
    FUZZ_CHECK(*got == last);
  }
  FUZZ_CHECK(QueryParams::parse(form.encode()).all() == form.all());
  FUZZ_CHECK(parse_query(encode_query(parse_query(text))) == parse_query(text));

  // The list members of the first key's prefix ("Tags" of "Tags.member.1.Key"), both styles.
  if (!form.all().empty()) {
    std::string_view first = form.all().front().first;
    std::string prefix(first.substr(0, first.find('.')));
    for (bool ec2 : {false, true}) {
      auto members = form.list(prefix, ec2);
      FUZZ_CHECK(members.size() <= form.all().size());
      FUZZ_CHECK(form.list(prefix, ec2, 1).size() <= 1);
    }
  }
  return 0;
}
