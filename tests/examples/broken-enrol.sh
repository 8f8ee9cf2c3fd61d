#!/usr/bin/env bash
# A deliberately broken copy of examples/enrol.sh: it forgets the inline policy (put_policy does
# nothing), so the agent may not call RegisterInstance. broken-enrol.json must fail on it.
set -euo pipefail
# shellcheck source=examples/enrol.sh
source "$(dirname "$0")/../../examples/enrol.sh"
put_policy() { :; }
main "$@"
