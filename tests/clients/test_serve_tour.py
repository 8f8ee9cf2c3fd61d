"""The README's tour of `opsreg serve`, run: registrations and AWS CLI calls with real binaries
against the served fakes. Each row is a command a user would type and the outcome expected of it
(what real AWS and the reference `aws opsworks register` give); the last line is
`N passed, N failed`. (`make demo` runs the scenario library instead.)"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import opsreg_serve  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")

# An operator who may do everything except attach managed policies: register must fall back to
# the 15-minute inline policy (docs/register.md, step 7).
RESTRICTED = {
    "user_name": "restricted-operator",
    "access_key_id": "AKIARESTRICTEDOPER01",
    "secret_access_key": "restricted/operator/secret/0000000000000000",
    "policies": {"all-but-attach": {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Effect": "Deny", "Action": "iam:AttachUserPolicy", "Resource": "*"}]}},
}


def demo_world(path):
    with open(os.path.join(ROOT, "fixtures", "worlds", "default.json")) as f:
        world = json.load(f)
    world["identities"].append(RESTRICTED)
    with open(path, "w") as f:
        json.dump(world, f)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--opsreg", required=True)
    args = parser.parse_args()
    opsreg = os.path.abspath(args.opsreg)
    opsreg_serve._OPSREG = opsreg
    os.environ.setdefault("AWS_DATA_PATH", os.path.join(ROOT, "fixtures", "aws-models"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        world = os.path.join(tmp, "demo-world.json")
        demo_world(world)
        with opsreg_serve.Serve(world=world) as serve:
            run_registrations(serve, opsreg, tmp, rows)
            run_tour(serve, tmp, rows)
    print(f"{'step':36} {'expected':38} {'got':38} {'ms':>6}")
    for what, expected, got, ms in rows:
        mark = "PASS" if expected == got else "FAIL"
        print(f"{what:36} {expected:38} {got:38} {ms:6.0f}  {mark}")
    passed = sum(1 for r in rows if r[1] == r[2])
    print(f"{passed} passed, {len(rows) - passed} failed")
    return 0 if passed == len(rows) else 1


def run_registrations(serve, opsreg, tmp, rows):
    stack = serve.info["stacks"][0]["stack_id"]
    hosts = {h["name"]: h for h in serve.info["hosts"]}
    web, db = hosts["onprem-web-1"], hosts["onprem-db-1"]
    base = [opsreg, "register", "--ssh-config", serve.info["ssh_config"], "--stack-id", stack,
            "--infrastructure-class", "on-premises", "--output", "json"]

    def register(what, extra, expected, creds=None, env=None, check=None):
        e = serve.env(*(creds or (None, None)))
        e.update(env or {})
        start = time.monotonic()
        proc = subprocess.run(base + extra, env=e, capture_output=True, text=True, timeout=120)
        ms = (time.monotonic() - start) * 1000
        got = f"exit {proc.returncode}"
        if proc.returncode == 0 and check:
            got += check(json.loads(proc.stdout))
        elif proc.returncode != 0:
            got += ": " + last_error(proc.stderr, expected)
        rows.append((what, expected, got, ms))

    def registered(result):
        _, out, _ = serve.aws("opsworks", "describe-instances", "--instance-ids",
                              result.get("InstanceId", "none"), check=False)
        status = out["Instances"][0]["Status"] if out else "missing"
        return f", {status}"

    register("register by SSH key", ["--ssh-username", web["ssh_username"], web["name"]],
             "exit 0, registered", check=registered)
    register("register by password", ["--ssh-username", db["ssh_username"], db["name"]],
             "exit 0, registered", env={"OPSREG_SSH_PASSWORD": "opsreg-db-1"}, check=registered)
    register("register with --override-hostname",
             ["--override-hostname", "web-7", "--ssh-username", "ubuntu", web["address"]],
             "exit 0, registered", check=registered)
    register("the same hostname again", ["--override-hostname", "WEB-7", "--ssh-username",
                                         "ubuntu", web["address"]],
             "exit 1: Hostnames must be unique")

    def inline_policy(result):
        _, out, _ = serve.aws("iam", "list-user-policies", "--user-name",
                              result.get("IamUserName", "none"), check=False)
        return ", inline " + ",".join(out["PolicyNames"]) if out else ", no user"

    register("AttachUserPolicy denied", ["--override-hostname", "web-8", "--ssh-username",
                                          "ubuntu", web["name"]],
             "exit 0, inline OpsWorks-Instance",
             creds=(RESTRICTED["access_key_id"], RESTRICTED["secret_access_key"]),
             check=inline_policy)
    register("a wrong password", ["--ssh-username", db["ssh_username"], "--override-hostname",
                                  "db-9", db["name"]],
             "exit 1: Permission denied", env={"OPSREG_SSH_PASSWORD": "not-the-password"})
    register("no target and no --local", [], "exit 2: target or --local is required")


def last_error(stderr, expected):
    """The part of stderr that matches what the row expects, else its last line."""
    want = expected.split(": ", 1)[1] if ": " in expected else None
    if want and want in stderr:
        return want
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    return lines[-1][:60] if lines else "(no message)"


def run_tour(serve, tmp, rows):
    src = os.path.join(tmp, "hello.txt")
    with open(src, "w") as f:
        f.write("hello\n")
    wrong = {"secret_access_key": "wrong-secret"}
    steps = [
        ("aws sts get-caller-identity", ["sts", "get-caller-identity"], {}, "ok"),
        ("aws iam create-user", ["iam", "create-user", "--user-name", "demo-user"], {}, "ok"),
        ("aws iam create-user (again)", ["iam", "create-user", "--user-name", "DEMO-USER"], {},
         "EntityAlreadyExists"),
        ("aws iam create-access-key", ["iam", "create-access-key", "--user-name", "demo-user"],
         {}, "ok"),
        ("aws iam delete-user (has a key)", ["iam", "delete-user", "--user-name", "demo-user"],
         {}, "DeleteConflict"),
        ("aws sts with a wrong secret", ["sts", "get-caller-identity"], wrong,
         "SignatureDoesNotMatch"),
        ("aws s3 mb", ["s3", "mb", "s3://demo-bucket"], {}, "ok"),
        ("aws s3 cp", ["s3", "cp", src, "s3://demo-bucket/hello.txt"], {}, "ok"),
        ("aws opsworks describe-stacks", ["opsworks", "describe-stacks"], {}, "ok"),
        ("aws opsworks (unknown stack)", ["opsworks", "describe-stacks", "--stack-ids",
                                          "00000000-0000-0000-0000-000000000000"], {},
         "ResourceNotFoundException"),
    ]
    for what, cli, opts, expected in steps:
        start = time.monotonic()
        code, _, err = serve.aws(*cli, check=False, **opts)
        ms = (time.monotonic() - start) * 1000
        got = "ok" if code == 0 else (err.split("(")[1].split(")")[0] if "(" in err else
                                      err.strip()[:40])
        rows.append((what, expected, got, ms))


if __name__ == "__main__":
    sys.exit(main())
