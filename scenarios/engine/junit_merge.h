// Merging JUnit XML files into one: the reports of `opsreg scenario run --shard K/N` into what
// one unsharded run writes (scenarios/engine/report.h), for `opsreg scenario merge-junit`.
// Testsuites of the same name become one, with every testcase of each (sorted by file, then
// name, as an unsharded run lists them), their counts recounted and their times summed; the
// shards' "shard" properties are checked (one N, each K once) and left out.
#pragma once

#include <string>
#include <vector>

#include "core/util/result.h"
#include "scenarios/engine/report.h"

namespace opsreg::scenarios {

struct JunitFile {
  std::string name;  // for messages: the file's path
  std::string text;  // its XML
};

struct MergedJunit {
  std::string xml;
  JunitCounts counts;                       // of every suite
  std::vector<std::string> missing_shards;  // "2/3" for each K of N that no file was
};

// Errors ("BadJunit"): "FILE: not XML: WHY at byte N", "FILE: not JUnit XML (its root is
// <x>, not <testsuites> or <testsuite>)", "FILE: shard property 'x' is not K/N", "A and B are
// both shard 2/3", "A is shard 1/3 but B is shard 2/4", "testcase NAME (FILE) of suite S is in
// both A and B".
Result<MergedJunit> merge_junit(const std::vector<JunitFile>& files);

}  // namespace opsreg::scenarios
