#!/usr/bin/env python3
"""Checks that every AWS error code opsreg relies on is stated, with the AWS page that documents
it, in a conformance case (a step's "documented" block in fixtures/conformance/*.json), so that
`opsreg conform` with no target checks the fakes' answer against it.

Relied on: the "error_code" a scenario expects (scenarios/library, examples/scenarios), and the
codes core/register and core/agent compare (`.is("X")`, `code == "X"`) or answer themselves
(`make_error("X", ...)`). Each such code must be classified in the table of
fixtures/conformance/README.md ("Error codes relied on"): `AWS` (it needs a documented block),
`AWS, undocumented` (AWS sends it but its references do not state it for that call: the row says
why), or `opsreg` (opsreg's own).

usage: check_documented_codes.py SOURCE_DIR
       check_documented_codes.py --self-test   (an undocumented and an unclassified code fail)
Prints one line per problem and exits 1 when there is any; 0 otherwise."""
import glob
import json
import os
import re
import sys
import tempfile

SCENARIO_DIRS = ("scenarios/library", "examples/scenarios")
SOURCE_DIRS = ("core/register", "core/agent")
SOURCE_CODE = re.compile(
    r'\.is\(\s*"([^"]+)"\s*\)|\bcode\s*[!=]=\s*"([^"]+)"|make_error\(\s*"([^"]+)"')
TABLE_HEADING = "## Error codes relied on"
KINDS = ("AWS", "AWS, undocumented", "opsreg")


def walk_json(value, key):
    """Every string value of `key` at any depth."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k == key and isinstance(v, str):
                yield v
            else:
                yield from walk_json(v, key)
    elif isinstance(value, list):
        for v in value:
            yield from walk_json(v, key)


def relied_on(root):
    """{code: [where, ...]} for every code a scenario or register/agent relies on."""
    found = {}
    for d in SCENARIO_DIRS:
        for f in sorted(glob.glob(os.path.join(root, d, "*.json"))):
            with open(f) as fh:
                for code in walk_json(json.load(fh), "error_code"):
                    found.setdefault(code, []).append(os.path.relpath(f, root))
    for d in SOURCE_DIRS:
        for f in sorted(glob.glob(os.path.join(root, d, "*.cc")) +
                        glob.glob(os.path.join(root, d, "*.h"))):
            with open(f) as fh:
                for m in SOURCE_CODE.finditer(fh.read()):
                    code = next(g for g in m.groups() if g)
                    found.setdefault(code, []).append(os.path.relpath(f, root))
    return found


def classified(root):
    """{code: kind} from the README's table: backticked codes in the first column."""
    with open(os.path.join(root, "fixtures/conformance/README.md")) as fh:
        text = fh.read()
    at = text.find(TABLE_HEADING)
    if at < 0:
        return None
    kinds = {}
    for line in text[at:].splitlines()[1:]:
        if line.startswith("## "):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) < 3 or cells[1] not in KINDS:
            continue
        for code in re.findall(r"`([^`]+)`", cells[0]):
            kinds[code] = cells[1]
    return kinds


def documented(root):
    """{code: [case file, ...]} for every documented error in a conformance case."""
    found = {}
    for f in sorted(glob.glob(os.path.join(root, "fixtures/conformance/*.json"))):
        with open(f) as fh:
            case = json.load(fh)
        for step in case.get("steps", []):
            block = step.get("documented") or {}
            if "error" in block:
                found.setdefault(block["error"], []).append(os.path.basename(f))
    return found


def problems(root):
    kinds = classified(root)
    if kinds is None:
        return ["fixtures/conformance/README.md has no '%s' table" % TABLE_HEADING]
    docs = documented(root)
    out = []
    for code, where in sorted(relied_on(root).items()):
        kind = kinds.get(code)
        if kind is None:
            out.append("%s (relied on in %s) is not in the README's table: AWS's or opsreg's?"
                       % (code, ", ".join(sorted(set(where)))))
        elif kind == "AWS" and code not in docs:
            out.append("%s (relied on in %s) has no \"documented\" block in fixtures/conformance"
                       % (code, ", ".join(sorted(set(where)))))
        elif kind == "AWS, undocumented" and code in docs:
            out.append("%s is documented in %s: mark it AWS in the README's table"
                       % (code, ", ".join(docs[code])))
    return out


def self_test():
    with tempfile.TemporaryDirectory() as root:
        for d in ("scenarios/library", "examples/scenarios", "core/register", "core/agent",
                  "fixtures/conformance"):
            os.makedirs(os.path.join(root, d))

        def write(path, text):
            with open(os.path.join(root, path), "w") as fh:
                fh.write(text)

        write("fixtures/conformance/README.md",
              "# Cases\n\n%s\n\n| code | whose | why |\n|---|---|---|\n"
              "| `NoSuchEntity`, `DeleteConflict` | AWS | IAM's |\n"
              "| `RemoteScriptFailed` | opsreg | ours |\n" % TABLE_HEADING)
        write("fixtures/conformance/c.json", json.dumps({"name": "c", "steps": [
            {"call": {}, "documented": {"error": "NoSuchEntity", "status": 404}}]}))
        write("scenarios/library/s.json", json.dumps({"steps": [
            {"expect": {"error_code": "RemoteScriptFailed"}},
            {"expect": {"error_code": "NoSuchEntity"}}]}))
        write("core/register/r.cc", 'if (e.is("NoSuchEntity")) return;\n')
        if problems(root):
            print("self-test failed: a documented tree reported " + "; ".join(problems(root)))
            return 1
        write("core/agent/a.cc", 'if (e.code == "DeleteConflict") return;\n'
                                 'return make_error("Unclassified", "m", 0);\n')
        found = problems(root)
        wanted = ["DeleteConflict (relied on in core/agent/a.cc) has no \"documented\" block",
                  "Unclassified (relied on in core/agent/a.cc) is not in the README's table"]
        if len(found) != 2 or not all(any(w in f for f in found) for w in wanted):
            print("self-test failed; found:\n  " + "\n  ".join(found))
            return 1
    print("self-test passed: an undocumented AWS code and an unclassified code are reported")
    return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 2:
        print(__doc__)
        return 2
    found = problems(argv[1])
    for p in found:
        print(p)
    if not found:
        docs = documented(argv[1])
        kinds = classified(argv[1])
        relied = relied_on(argv[1])
        aws = sorted(c for c in relied if kinds[c] == "AWS")
        print("%d AWS codes relied on, each documented in a conformance case (%d documented "
              "in all); %d AWS codes sent but not documented by AWS; %d opsreg codes"
              % (len(aws), len(docs), sum(1 for c in relied if kinds[c] == "AWS, undocumented"),
                 sum(1 for c in relied if kinds[c] == "opsreg")))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
