// What every fuzz target shares: FUZZ_CHECK, an assertion that stays on in any build and makes
// libFuzzer report the input (abort), and the data folder the project's code reads fixtures from.
#pragma once

#include <cstdio>
#include <cstdlib>

// Aborts with the failed condition and its place; libFuzzer saves the input as a crash.
#define FUZZ_CHECK(cond)                                                                 \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)

namespace opsreg::fuzz {

// Points OPSREG_DATA_DIR at the source tree (fixtures/, scenarios/library/) unless it is set:
// a fuzz binary runs from the fuzz build tree, which has no share/opsreg of its own.
inline void use_source_data_dir() { setenv("OPSREG_DATA_DIR", OPSREG_SOURCE_DIR, /*overwrite=*/0); }

}  // namespace opsreg::fuzz
