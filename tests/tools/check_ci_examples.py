#!/usr/bin/env python3
"""The CI examples that shard the scenarios (examples/ci/) parse as YAML and agree with
themselves and with opsreg: the GitHub Actions matrix lists shards 1..N and passes
--shard K/N; the Kubernetes Job is indexed with completions = parallelism = OPSREG_SHARDS; both
merge with `opsreg scenario merge-junit`; every flag they give `opsreg scenario` is one its help
lists (cli/help_texts.cc). Exit 77 (skipped) when PyYAML is not installed.

usage: check_ci_examples.py SOURCE_DIR
"""
import os
import re
import sys

try:
    import yaml
except ImportError:
    print("PyYAML is not installed (python3-yaml): skipped")
    sys.exit(77)

FAILURES = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        FAILURES.append(what)


def scenario_flags(text):
    """Every --flag that follows `opsreg scenario` on the same command."""
    flags = set()
    for command in re.findall(r"opsreg scenario (?:run|merge-junit)[^\n]*(?:\\\n[^\n]*)*", text):
        flags.update(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", command))
    return flags


def main():
    root = sys.argv[1]
    with open(os.path.join(root, "cli/help_texts.cc")) as fh:
        help_text = fh.read()

    path = os.path.join(root, "examples/ci/github-actions-sharded.yml")
    with open(path) as fh:
        text = fh.read()
    workflow = yaml.safe_load(text)
    jobs = workflow["jobs"]
    shards = jobs["scenarios"]["strategy"]["matrix"]["shard"]
    check(shards == list(range(1, len(shards) + 1)), f"the matrix lists shards 1..N: {shards}")
    check(list(jobs["scenarios"]["strategy"]["matrix"]) == ["shard"],
          "the shard is the matrix's only dimension (so strategy.job-total is N)")
    runs = "\n".join(s.get("run", "") for s in jobs["scenarios"]["steps"])
    check("--shard ${{ matrix.shard }}/${{ strategy.job-total }}" in runs,
          "the shard job passes --shard K/N")
    check("needs" in jobs["merge"] and jobs["merge"].get("if") == "always()",
          "the merge job waits for the shards and runs whether they passed or not")
    merge_runs = "\n".join(s.get("run", "") for s in jobs["merge"]["steps"])
    check("opsreg scenario merge-junit" in merge_runs, "the merge job runs merge-junit")
    flags = scenario_flags(text)

    path = os.path.join(root, "examples/ci/k8s-indexed-job.yaml")
    with open(path) as fh:
        k8s_text = fh.read()
    docs = [d for d in yaml.safe_load_all(k8s_text) if d]
    jobs = [d for d in docs if d.get("kind") == "Job"]
    indexed = [j for j in jobs if j["spec"].get("completionMode") == "Indexed"]
    check(len(indexed) == 1, "one indexed Job runs the shards")
    spec = indexed[0]["spec"]
    container = spec["template"]["spec"]["containers"][0]
    env = {e["name"]: e.get("value") for e in container.get("env", [])}
    check(spec["completions"] == spec["parallelism"] == int(env.get("OPSREG_SHARDS", "0")),
          f"completions ({spec['completions']}) = parallelism ({spec['parallelism']}) = "
          f"OPSREG_SHARDS ({env.get('OPSREG_SHARDS')})")
    check(container["command"][:3] == ["opsreg", "scenario", "run"],
          "the shards' pods run opsreg scenario run")
    check("--shard" not in container["command"] and "JOB_COMPLETION_INDEX" not in env,
          "the index comes from Kubernetes' JOB_COMPLETION_INDEX, not from the manifest")
    claims = {d["metadata"]["name"] for d in docs if d.get("kind") == "PersistentVolumeClaim"}
    for job in jobs:
        for volume in job["spec"]["template"]["spec"].get("volumes", []):
            claim = volume.get("persistentVolumeClaim", {}).get("claimName")
            check(claim in claims, f"{job['metadata']['name']} mounts a claim defined here: {claim}")
    merge = [j for j in jobs if j is not indexed[0]]
    check(any("opsreg scenario merge-junit" in " ".join(c.get("command", []))
              for j in merge for c in j["spec"]["template"]["spec"]["containers"]),
          "a second Job runs merge-junit")
    flags |= scenario_flags(k8s_text)
    flags |= {a for a in container["command"] if a.startswith("--")}

    for flag in sorted(flags):
        check(f'"{flag}"' in help_text, f"{flag} is an option of opsreg scenario's help")
    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
