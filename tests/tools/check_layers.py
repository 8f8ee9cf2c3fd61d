#!/usr/bin/env python3
"""Checks that every #include "..." in the source tree points down the layer order of
tests/tools/layers.txt (or to its own folder), and that every source folder has a layer.

usage: check_layers.py SOURCE_DIR [LAYERS_FILE]
       check_layers.py --self-test     (a back-edge and an unlisted folder must be reported)
Prints one line per violation and exits 1 when there is any; 0 otherwise."""
import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
TOPS = ("core", "mocks", "scenarios", "cli", "fuzz")


def read_layers(path):
    order = [line.strip() for line in open(path) if line.strip() and not line.startswith("#")]
    return {folder: rank for rank, folder in enumerate(order)}


def layer_of(path, layers):
    """The listed folder that holds `path` (the longest listed prefix), or None."""
    folder = os.path.dirname(path)
    while folder:
        if folder in layers:
            return folder
        folder = os.path.dirname(folder)
    return None


def violations(root, layers):
    out = []
    for top in TOPS:
        for d, _, files in os.walk(os.path.join(root, top)):
            for f in sorted(files):
                if not f.endswith((".h", ".cc")):
                    continue
                rel = os.path.relpath(os.path.join(d, f), root)
                src = layer_of(rel, layers)
                if src is None:
                    out.append(f"{rel}: its folder is not in the layer list")
                    continue
                text = open(os.path.join(d, f), errors="replace").read()
                for inc in INCLUDE.findall(text):
                    if not inc.startswith(tuple(t + "/" for t in TOPS)):
                        continue  # a test's or a library's header
                    dst = layer_of(inc, layers)
                    if dst is None:
                        out.append(f"{rel}: includes {inc}, whose folder is not in the layer list")
                    elif layers[dst] > layers[src]:
                        out.append(f"{rel}: includes {inc}, which is above it "
                                   f"({src} may not use {dst})")
    return out


def self_test():
    with tempfile.TemporaryDirectory() as root:
        def write(rel, text):
            os.makedirs(os.path.join(root, os.path.dirname(rel)), exist_ok=True)
            open(os.path.join(root, rel), "w").write(text)
        write("layers.txt", "core/util\nmocks/base\nmocks/world\n")
        write("core/util/a.h", "")
        write("mocks/base/b.h", '#include "core/util/a.h"\n#include "mocks/world/w.h"\n')
        write("mocks/world/w.h", '#include "mocks/base/b.h"\n')
        write("mocks/stray/s.h", "")
        found = violations(root, read_layers(os.path.join(root, "layers.txt")))
        expected = ["mocks/base/b.h: includes mocks/world/w.h, which is above it "
                    "(mocks/base may not use mocks/world)",
                    "mocks/stray/s.h: its folder is not in the layer list"]
        if sorted(found) != sorted(expected):
            print("self-test failed; found:\n  " + "\n  ".join(found))
            return 1
    print("self-test passed: a back-edge and an unlisted folder are reported")
    return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    root = argv[1]
    layers_file = argv[2] if len(argv) > 2 else os.path.join(root, "tests/tools/layers.txt")
    found = violations(root, read_layers(layers_file))
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} include(s) against the layer order ({layers_file})")
        return 1
    print(f"every include points down the layer order ({len(read_layers(layers_file))} layers)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
