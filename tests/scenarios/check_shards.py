#!/usr/bin/env python3
"""Sharding `opsreg scenario run` end to end: a scenario folder run unsharded, then as N shards
in N processes at once (one chosen by --shard, one by GitLab's CI_NODE_INDEX/CI_NODE_TOTAL, one
by a Kubernetes indexed Job's JOB_COMPLETION_INDEX with OPSREG_SHARDS), each writing its JUnit
and timings; `opsreg scenario merge-junit` of the shards' files must equal the unsharded JUnit
but for the times: the same suites, testcases, counts, failures, errors and messages. Then the
recorded timings split the folder again (--list), each scenario in exactly one shard, the same
on every call; a missing shard and bad settings are refused.

usage: check_shards.py --opsreg BINARY --scenarios DIR [--shards N] [--keep DIR]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

FAILURES = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        FAILURES.append(what)


def ci_free_env(**extra):
    """The environment without any CI's shard variables, plus `extra`."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("CI_NODE_INDEX", "CI_NODE_TOTAL", "JOB_COMPLETION_INDEX", "OPSREG_SHARDS")}
    env.update(extra)
    return env


def run(opsreg, args, env=None, cwd=None):
    return subprocess.run([opsreg, *args], capture_output=True, text=True,
                          env=env or ci_free_env(), cwd=cwd, timeout=1200)


def without_times(element):
    """The element as nested tuples, every time attribute left out."""
    attrs = tuple(sorted((k, v) for k, v in element.attrib.items() if k != "time"))
    text = (element.text or "").strip()
    return (element.tag, attrs, text, tuple(without_times(c) for c in element))


def testcase_names(path):
    return [tc.get("name") for tc in ET.parse(path).getroot().iter("testcase")]


def worst(codes):
    """The exit status one run of all would have: 2 over 1 over 0."""
    return 2 if 2 in codes else 1 if 1 in codes else 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--opsreg", required=True)
    p.add_argument("--scenarios", required=True)
    p.add_argument("--shards", type=int, default=3)
    p.add_argument("--keep", help="write the files here instead of a temporary folder")
    a = p.parse_args()
    n = a.shards
    with tempfile.TemporaryDirectory(prefix="opsreg-shards-") as tmp:
        out = a.keep or tmp
        os.makedirs(out, exist_ok=True)
        f = lambda name: os.path.join(out, name)  # noqa: E731

        started = time.monotonic()
        whole = run(a.opsreg, ["scenario", "run", a.scenarios, "--junit", f("all.xml")])
        unsharded_seconds = time.monotonic() - started
        check(whole.returncode in (0, 1, 2) and os.path.exists(f("all.xml")),
              f"the unsharded run exits {whole.returncode} and writes its JUnit")
        print(whole.stdout.strip().splitlines()[-1] if whole.stdout.strip() else whole.stderr)

        # N shards at once, each from another source: --shard, GitLab's, Kubernetes'.
        common = ["scenario", "run", a.scenarios, "--junit", f("junit-{shard}.xml"),
                  "--write-timings", f("timings-{shard}.json")]
        shards = []
        started = time.monotonic()
        for k in range(1, n + 1):
            if k % 3 == 1:
                args, env, source = [*common, "--shard", f"{k}/{n}"], ci_free_env(), f"--shard {k}/{n}"
            elif k % 3 == 2:
                env = ci_free_env(CI_NODE_INDEX=str(k), CI_NODE_TOTAL=str(n))
                args, source = common, f"CI_NODE_INDEX={k}, CI_NODE_TOTAL={n}"
            else:
                env = ci_free_env(JOB_COMPLETION_INDEX=str(k - 1), OPSREG_SHARDS=str(n))
                args, source = common, f"JOB_COMPLETION_INDEX={k - 1} (from 0), OPSREG_SHARDS={n}"
            proc = subprocess.Popen([a.opsreg, *args], env=env, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True)
            shards.append((k, proc, source))
        codes = []
        for k, proc, source in shards:
            stdout, stderr = proc.communicate(timeout=1200)
            codes.append(proc.returncode)
            check(f"opsreg scenario: shard {k}/{n} (from {source}): " in stderr,
                  f"shard {k} says which it is and where that came from: "
                  f"{stderr.strip().splitlines()[0] if stderr.strip() else stderr!r}")
            check(os.path.exists(f(f"junit-{k}.xml")) and os.path.exists(f(f"timings-{k}.json")),
                  f"shard {k} wrote junit-{k}.xml and timings-{k}.json")
        sharded_seconds = time.monotonic() - started
        check(worst(codes) == whole.returncode,
              f"the shards' exit statuses {codes} add up to the unsharded one ({whole.returncode})")

        names = [testcase_names(f(f"junit-{k}.xml")) for k in range(1, n + 1)]
        flat = [x for shard in names for x in shard]
        check(sorted(flat) == sorted(testcase_names(f("all.xml"))),
              f"every scenario ran in exactly one shard (sizes {[len(s) for s in names]})")

        inputs = [f(f"junit-{k}.xml") for k in range(n, 0, -1)]
        merged = run(a.opsreg, ["scenario", "merge-junit", f("merged.xml"), *inputs])
        check(merged.returncode == 0, f"merge-junit exits 0: {merged.stdout.strip()} "
              f"{merged.stderr.strip()}")
        check(without_times(ET.parse(f("merged.xml")).getroot())
              == without_times(ET.parse(f("all.xml")).getroot()),
              "the merged JUnit is the unsharded one, the times aside")
        root = ET.parse(f("merged.xml")).getroot()
        counts = {k: root.get(k) for k in ("tests", "failures", "errors", "skipped")}
        print(f"      merged: {counts}; unsharded {unsharded_seconds:.1f}s, "
              f"{n} shards at once {sharded_seconds:.1f}s")

        missing = run(a.opsreg, ["scenario", "merge-junit", f("partial.xml"), *inputs[1:]])
        check(missing.returncode == 1 and f"shard {n}/{n} is missing" in missing.stderr
              and os.path.exists(f("partial.xml")),
              f"a merge without shard {n} exits 1 naming it, and still writes OUT")

        # The shards' timings merge as JSON objects; they then split the folder by duration.
        timings = {}
        for k in range(1, n + 1):
            with open(f(f"timings-{k}.json")) as fh:
                timings.update(json.load(fh))
        check(sorted(timings) == sorted(testcase_names(f("all.xml"))),
              f"the shards' timings name every scenario once ({len(timings)})")
        with open(f("timings.json"), "w") as fh:
            json.dump(timings, fh)
        lists = []
        for k in range(1, n + 1):
            args = ["scenario", "run", a.scenarios, "--shard", f"{k}/{n}",
                    "--timings", f("timings.json"), "--list"]
            first, again = run(a.opsreg, args), run(a.opsreg, args)
            check(first.returncode == 0 and "balanced by the durations in" in first.stderr,
                  f"shard {k} --list by the durations: {first.stderr.strip()}")
            check(first.stdout == again.stdout, f"shard {k}'s list is the same on every call")
            lists.append(first.stdout.split())
        everything = run(a.opsreg, ["scenario", "run", a.scenarios, "--list"]).stdout.split()
        check(sorted(x for shard in lists for x in shard) == sorted(everything),
              f"by durations too, every file in exactly one shard (sizes {[len(s) for s in lists]})")

        for args, env, message in [
            (["--shard", f"{n + 1}/{n}"], ci_free_env(),
             f"--shard {n + 1}/{n}: K must be from 1 to {n}"),
            ([], ci_free_env(JOB_COMPLETION_INDEX="0"), "needs the number of shards"),
            (["--shards", "2"], ci_free_env(CI_NODE_INDEX="1", CI_NODE_TOTAL="3"),
             "--shards 2 conflicts with CI_NODE_TOTAL=3"),
        ]:
            r = run(a.opsreg, ["scenario", "run", a.scenarios, "--list", *args], env=env)
            check(r.returncode == 2 and message in r.stderr,
                  f"refused with exit 2: {r.stderr.strip().splitlines()[0] if r.stderr else ''}")

    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
