#!/usr/bin/env python3
"""Checks that every file of the repository that code, tests and docs name exists: paths under
the repository's top folders (mocks/edge/edge.h, docs/register.md), bare C++ file names
(host_fleet.h), and relative Markdown links. The repository must explain itself: a reference to
a file it does not hold is a dangling one.

usage: check_references.py SOURCE_DIR
       check_references.py --self-test   (a dangling path, name and link must be reported)
Prints one line per dangling reference and exits 1 when there is any; 0 otherwise."""
import os
import re
import subprocess
import sys
import tempfile

TOPS = ("core", "mocks", "scenarios", "cli", "tests", "bench", "fixtures", "docs")
PATH = re.compile(r"(?<![\w./-])((?:%s)/[\w./+*{}<>-]*[\w+*}>])" % "|".join(TOPS))
BARE = re.compile(r"(?<![\w./<-])([a-z][\w-]*\.(?:h|cc))\b")
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
# Headers of the libraries opsreg builds with, named in comments.
EXTERNAL = {"httplib.h", "libssh.h", "server.h", "callbacks.h", "sftp.h"}
SCANNED = (".h", ".cc", ".py", ".md", ".json", ".txt")


def repo_files(root):
    try:
        out = subprocess.run(["git", "-C", root, "ls-files", "--cached", "--others",
                              "--exclude-standard"], capture_output=True, text=True, check=True)
        return [f for f in out.stdout.splitlines() if os.path.exists(os.path.join(root, f))]
    except (OSError, subprocess.CalledProcessError):
        found = []
        for d, dirs, files in os.walk(root):
            dirs[:] = [x for x in dirs if not x.startswith(".") and x != "build"]
            found += [os.path.relpath(os.path.join(d, f), root) for f in files]
        return found


def dangling(root):
    files = repo_files(root)
    paths = set(files)
    folders = {os.path.dirname(f) for f in files}
    while True:  # every ancestor folder too
        more = {os.path.dirname(f) for f in folders} - folders
        if not more:
            break
        folders |= more
    names = {os.path.basename(f) for f in files}
    out = []
    for rel in files:
        if not rel.endswith(SCANNED) and os.path.basename(rel) != "CMakeLists.txt":
            continue
        if rel.startswith("fixtures/aws-models/") or rel.startswith("tests/tools/check_"):
            continue  # the AWS model as published; these checkers' own synthetic trees
        text = open(os.path.join(root, rel), errors="replace").read()
        for n, line in enumerate(text.splitlines(), 1):
            for p in PATH.findall(line):
                p = p.rstrip(".")
                stem = os.path.splitext(os.path.basename(p))[0]
                if any(c in p for c in "*{<") or (stem.isupper() and p not in paths):
                    continue  # a pattern or a placeholder: tests/unit/*.cc, docs/NAME.md
                if p not in paths and p.rstrip("/") not in folders:
                    out.append(f"{rel}:{n}: {p} does not exist")
            for name in BARE.findall(line):
                if name not in names and name not in EXTERNAL:
                    out.append(f"{rel}:{n}: no file is called {name}")
            if rel.endswith(".md"):
                for link in LINK.findall(line):
                    if "://" in link or link.startswith("mailto:"):
                        continue
                    target = os.path.normpath(os.path.join(os.path.dirname(rel), link))
                    if target not in paths and target not in folders:
                        out.append(f"{rel}:{n}: link {link} leads nowhere")
    return out


def self_test():
    with tempfile.TemporaryDirectory() as root:
        os.makedirs(os.path.join(root, "docs"))
        os.makedirs(os.path.join(root, "core/util"))
        open(os.path.join(root, "core/util/result.h"), "w").write(
            "// See docs/gone.md and docs/here.md, missing_file.h and result.h.\n")
        open(os.path.join(root, "docs/here.md"), "w").write("[a](nowhere.md) [b](here.md)\n")
        found = dangling(root)
        expected = ["core/util/result.h:1: docs/gone.md does not exist",
                    "core/util/result.h:1: no file is called missing_file.h",
                    "docs/here.md:1: link nowhere.md leads nowhere"]
        if sorted(found) != sorted(expected):
            print("self-test failed; found:\n  " + "\n  ".join(found))
            return 1
    print("self-test passed: a dangling path, file name and link are reported")
    return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    found = dangling(argv[1])
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} reference(s) to files the repository does not hold")
        return 1
    print("every file that code, tests and docs name exists")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
