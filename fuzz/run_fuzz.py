#!/usr/bin/env python3
"""Runs the libFuzzer targets of a fuzz build (fuzz/README.md) and prints what each did.

Each target fuzz_NAME runs for --seconds over its seed corpus fuzz/corpus/NAME/ and a working
corpus WORK/NAME/ that keeps the new inputs it finds (never the repository's seeds), with the
options its source names on its "// libFuzzer:" line (-max_len, -timeout). A crash, a leak, a
timeout or a sanitizer report leaves the input in WORK/artifacts/ and makes the exit status 1.

  run_fuzz.py --build build/fuzz --work build/fuzz-corpus --seconds 120    # make fuzz
  run_fuzz.py --build build/fuzz --work build/fuzz/ctest-corpus --seconds 3 --only sigv4 --fresh
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

SOURCE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FUZZ = os.path.join(SOURCE, "fuzz")


def targets():
    """The target names, from the fuzz_<name>.cc files."""
    return sorted(f[len("fuzz_"):-len(".cc")] for f in os.listdir(FUZZ)
                  if f.startswith("fuzz_") and f.endswith(".cc"))


def options(name):
    """The libFuzzer flags on the source's "// libFuzzer:" line."""
    with open(os.path.join(FUZZ, f"fuzz_{name}.cc"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"//\s*libFuzzer:\s*(.*)", line)
            if m:
                return m.group(1).split()
    return []


def corpus_size(folder):
    """(files, bytes) of a corpus folder."""
    files = [os.path.join(folder, f) for f in os.listdir(folder)]
    files = [f for f in files if os.path.isfile(f)]
    return len(files), sum(os.path.getsize(f) for f in files)


def run(name, args):
    binary = os.path.join(args.build, "fuzz", f"fuzz_{name}")
    work = os.path.join(args.work, name)
    artifacts = os.path.join(args.work, "artifacts")
    if args.fresh:
        shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work, exist_ok=True)
    os.makedirs(artifacts, exist_ok=True)
    seeds = os.path.join(FUZZ, "corpus", name)
    command = [binary, *options(name), f"-max_total_time={args.seconds}", "-print_final_stats=1",
               f"-artifact_prefix={artifacts}/{name}-", work, seeds]
    env = dict(os.environ)
    env.setdefault("OPSREG_DATA_DIR", SOURCE)
    log_path = os.path.join(args.work, f"{name}.log")
    with open(log_path, "w", encoding="utf-8") as log:
        status = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, env=env,
                                check=False).returncode
    with open(log_path, encoding="utf-8", errors="replace") as log:
        text = log.read()
    executions = re.findall(r"stat::number_of_executed_units:\s*(\d+)", text)
    corpus = re.findall(r"corp: (\d+)/(\d+\w*)", text)
    row = {
        "name": name,
        "executions": int(executions[-1]) if executions else 0,
        "corpus": f"{corpus[-1][0]} ({corpus[-1][1]})" if corpus else "?",
        "new": corpus_size(work)[0],
        "ok": status == 0,
    }
    if status != 0:
        print(f"fuzz_{name} failed (exit {status}); its log, {log_path}, ends:", file=sys.stderr)
        print("\n".join(text.splitlines()[-40:]), file=sys.stderr)
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True, help="the fuzz build tree (OPSREG_FUZZ=ON)")
    parser.add_argument("--work", required=True, help="where working corpora and crashes go")
    parser.add_argument("--seconds", type=int, default=120, help="per target")
    parser.add_argument("--only", help="one target (NAME of fuzz_<name>.cc)")
    parser.add_argument("--fresh", action="store_true", help="start from the seeds alone")
    args = parser.parse_args()
    names = [args.only] if args.only else targets()
    if args.only and args.only not in targets():
        parser.error(f"no target {args.only} (known: {', '.join(targets())})")
    rows = [run(name, args) for name in names]
    if len(rows) > 1 or not rows[0]["ok"]:
        print(f"{'target':<16} {'seconds':>7} {'executions':>12} {'corpus (units, bytes)':>22} "
              f"{'new inputs':>10}  result")
        for r in rows:
            print(f"{r['name']:<16} {args.seconds:>7} {r['executions']:>12} {r['corpus']:>22} "
                  f"{r['new']:>10}  {'ok' if r['ok'] else 'CRASH'}")
        print(f"total: {sum(r['executions'] for r in rows)} executions in "
              f"{args.seconds * len(rows)} s; crashes in {args.work}/artifacts")
    else:
        r = rows[0]
        print(f"fuzz_{r['name']}: {r['executions']} executions in {args.seconds} s, "
              f"corpus {r['corpus']}, ok")
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
