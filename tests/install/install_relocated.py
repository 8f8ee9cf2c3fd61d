"""opsreg installed and moved: `cmake --install` into a temporary prefix, then the installed
binary run from another folder with the source and build trees hidden (a private mount
namespace through bubblewrap, the prefix read-only): --version, serve, register --mock, library
scenarios, conform against the installed serve, a wrong OPSREG_DATA_DIR named in the error.
Then `cpack -G DEB` and the package's files and control fields.

Outside:  install_relocated.py --source SRC --build BUILD --version X.Y.Z
Inside (re-run by itself in the namespace): the same and --inside PREFIX"""

import argparse
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile

# A few library scenarios: a plain registration on sandboxed hosts, the agent's later contacts,
# the installer download retried through S3 faults, the fixture host key of another machine.
SCENARIOS = ["sandboxed-hosts-register", "user-deletion", "installer-download-retried",
             "ssh-host-key-changed"]

failures = []


def check(ok, what, detail=""):
    """Prints ok/FAIL and what was checked; the detail (a command's output) only on a failure."""
    print(("ok    " if ok else "FAIL  ") + what + ("" if ok or not detail else "\n" + detail),
          flush=True)
    if not ok:
        failures.append(what)
    return ok


def run(args, timeout=60, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, **kw)


def shown(proc):
    return f"exit {proc.returncode}\nstdout: {proc.stdout[-2000:]}\nstderr: {proc.stderr[-2000:]}"


# ---- inside the namespace: only the prefix is there ----

def inside(prefix, source, build, version):
    check(not os.path.exists(os.path.join(source, "CMakeLists.txt")) and
          not os.path.exists(os.path.join(source, "fixtures")), f"the source tree {source} is hidden")
    check(not os.path.exists(os.path.join(build, "CMakeCache.txt")) and
          not os.path.exists(os.path.join(build, "share/opsreg")), f"the build tree {build} is hidden")
    env = {k: v for k, v in os.environ.items() if k != "OPSREG_DATA_DIR"}
    opsreg = os.path.join(prefix, "bin/opsreg")
    data = os.path.join(prefix, "share/opsreg")

    p = run([opsreg, "--version"], env=env)
    check(p.returncode == 0 and p.stdout == f"opsreg {version}\n",
          f"opsreg --version prints 'opsreg {version}'", shown(p))

    with open(os.path.join(data, "fixtures/worlds/default.json")) as f:
        stack_id = json.load(f)["stacks"][0]["stack_id"]

    serve = subprocess.Popen([opsreg, "serve", "--port", "0"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)
    line = serve.stdout.readline()
    try:
        info = json.loads(line)
    except ValueError:
        info = {}
    # No line: serve has ended, and its stderr says why.
    said = repr(line)[:2000] if line else "stderr: " + serve.stderr.read()[-2000:]
    if check("endpoint" in info and info["endpoint"].startswith("http://127.0.0.1:"),
             "opsreg serve prints its JSON line", said):
        op = info["operator"]
        target_env = {k: v for k, v in env.items() if not k.startswith("AWS_")}
        target_env.update({"AWS_ACCESS_KEY_ID": op["access_key_id"],
                           "AWS_SECRET_ACCESS_KEY": op["secret_access_key"],
                           "AWS_REGION": info["region"], "AWS_CONFIG_FILE": os.devnull,
                           "AWS_SHARED_CREDENTIALS_FILE": os.devnull})
        p = run([opsreg, "conform", "--target", info["endpoint"], "--json"], timeout=120,
                env=target_env)
        try:
            report = json.loads(p.stdout)
        except ValueError:
            report = {}
        cases = len([f for f in os.listdir(os.path.join(data, "fixtures/conformance"))
                     if f.endswith(".json")])
        check(p.returncode == 0 and report.get("different") == 0 and report.get("calls", 0) > 0
              and len(report.get("cases", [])) == cases,
              f"opsreg conform --target <the installed serve> runs the {cases} installed cases, "
              "no difference", shown(p))
    serve.send_signal(signal.SIGTERM)
    try:
        code = serve.wait(timeout=20)
    except subprocess.TimeoutExpired:
        serve.kill()
        code = serve.wait()
    serve.stdout.close()
    serve.stderr.close()
    check(code == 0, f"opsreg serve stops on SIGTERM with exit 0 (exit {code})")

    p = run([opsreg, "register", "--mock", "--stack-id", stack_id, "--infrastructure-class",
             "on-premises", "onprem-web-1"], timeout=120, env=env)
    check(p.returncode == 0 and p.stdout.startswith("Registered instance"),
          f"opsreg register --mock registers onprem-web-1", shown(p))

    files = [os.path.join(data, "scenarios/library", n + ".json") for n in SCENARIOS]
    p = run([opsreg, "scenario", "run", *files], timeout=120, env=env)
    check(p.returncode == 0 and f"\n{len(files)} passed, 0 failed\n" in p.stdout,
          f"opsreg scenario run passes {len(files)} installed library scenarios", shown(p))

    empty = tempfile.mkdtemp(prefix="opsreg-no-data.")
    p = run([opsreg, "serve", "--port", "0"], env={**env, "OPSREG_DATA_DIR": empty})
    os.rmdir(empty)
    check(p.returncode != 0 and empty in p.stderr and "OPSREG_DATA_DIR" in p.stderr,
          f"a data folder without fixtures/ is named with OPSREG_DATA_DIR", shown(p))
    return 1 if failures else 0


# ---- outside: install, hide, package ----

def installed(prefix):
    data = os.path.join(prefix, "share/opsreg")
    for rel in ["bin/opsreg", "share/opsreg/README.md", "share/opsreg/docs/architecture.md",
                "share/opsreg/fixtures/worlds/default.json", "share/opsreg/fixtures/agent-key-pool.pem",
                "share/opsreg/fixtures/ssh/user_ed25519", "share/opsreg/fixtures/ec2/identity-signing.pem",
                "share/opsreg/fixtures/conformance/iam-users.json",
                "share/opsreg/fixtures/aws-models/opsworks",
                "share/opsreg/scenarios/library/user-deletion.json"]:
        check(os.path.exists(os.path.join(prefix, rel)), f"cmake --install made {rel}")
    mode = os.stat(os.path.join(data, "fixtures/agent-installer/boot-registration")).st_mode
    check(mode & stat.S_IXOTH and mode & stat.S_IROTH,
          f"the agent installer's entry point is executable ({oct(mode & 0o777)})")
    mode = os.stat(os.path.join(data, "fixtures/ssh/user_ed25519")).st_mode
    check(mode & 0o777 == 0o644, f"fixture test keys are readable by any user ({oct(mode & 0o777)})")


def package(build, work, version):
    out = os.path.join(work, "pkg")
    p = run(["cpack", "-G", "DEB", "-B", out], timeout=120, cwd=build)
    debs = [f for f in os.listdir(out) if f.endswith(".deb")] if os.path.isdir(out) else []
    if not check(p.returncode == 0 and len(debs) == 1, f"cpack -G DEB makes one .deb", shown(p)):
        return
    deb = os.path.join(out, debs[0])
    arch = run(["dpkg", "--print-architecture"]).stdout.strip()
    check(debs[0] == f"opsreg_{version}_{arch}.deb", f"the package is opsreg_{version}_{arch}.deb")
    listing = run(["dpkg-deb", "-c", deb]).stdout
    for entry in ["./usr/bin/opsreg", "./usr/share/opsreg/fixtures/worlds/default.json",
                  "./usr/share/opsreg/fixtures/agent-installer/boot-registration",
                  "./usr/share/opsreg/scenarios/library/user-deletion.json",
                  "./usr/share/opsreg/docs/architecture.md", "./usr/share/opsreg/README.md"]:
        check(any(l.split()[-1] == entry for l in listing.splitlines()), f"the .deb holds {entry}")
    fields = {}
    for name in ["Package", "Version", "Architecture", "Maintainer", "Depends", "Description"]:
        fields[name] = run(["dpkg-deb", "-f", deb, name]).stdout.strip()
    check(fields["Package"] == "opsreg" and fields["Version"] == version,
          f"Package opsreg, Version {version} ({fields['Package']} {fields['Version']})")
    check(all(fields[n] for n in ["Maintainer", "Description"]),
          "Maintainer and Description are filled", str(fields))
    depends = {d.strip().split()[0] for alt in fields["Depends"].split(",") for d in alt.split("|")}
    needed = ["libc6", "libstdc++6", "libssh-4", "libssl3", "zlib1g", "libpugixml1v5",
              "libcpp-httplib", "openssh-client", "bubblewrap", "curl", "tar", "gzip"]
    # libssl3 may be libssl3t64, cpp-httplib's library carries its soname's version.
    missing = [n for n in needed if not any(d == n or d.startswith(n) and n.startswith("lib")
                                            for d in depends)]
    check(not missing, f"Depends names {', '.join(needed)}",
          f"missing {missing} in Depends: {fields['Depends']}")


def outside(source, build, version):
    work = tempfile.mkdtemp(prefix="opsreg-install-test.")
    try:
        prefix = os.path.join(work, "prefix")
        p = run(["cmake", "--install", build, "--prefix", prefix], timeout=120)
        if not check(p.returncode == 0, f"cmake --install {build} --prefix {prefix}", shown(p)):
            return 1
        installed(prefix)
        # This script runs from a copy: the source tree is hidden from the second run.
        script = os.path.join(work, "inside.py")
        shutil.copy(__file__, script)
        elsewhere = os.path.join(work, "elsewhere")
        os.mkdir(elsewhere)
        source, build = os.path.realpath(source), os.path.realpath(build)
        bwrap = ["bwrap", "--dev-bind", "/", "/"]
        # An empty folder over each tree (over the outer one only when one holds the other).
        for d in {source, build}:
            if not any(d != o and d.startswith(o + "/") for o in {source, build}):
                bwrap += ["--tmpfs", d]
        bwrap += ["--ro-bind", prefix, prefix, "--chdir", elsewhere, "--",
                  sys.executable, script, "--inside", prefix, "--version", version,
                  "--source", source, "--build", build]
        p = subprocess.run(bwrap, timeout=300)
        check(p.returncode == 0, "the installed opsreg works with the source and build trees hidden"
              f" (bwrap run exit {p.returncode}; a namespace that cannot be made fails too)")
        package(build, work, version)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(failures)} failed" if failures else "all passed")
    return 1 if failures else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source")
    ap.add_argument("--build")
    ap.add_argument("--version", required=True)
    ap.add_argument("--inside")
    a = ap.parse_args()
    if a.inside:
        return inside(a.inside, a.source, a.build, a.version)
    return outside(a.source, a.build, a.version)


if __name__ == "__main__":
    sys.exit(main())
