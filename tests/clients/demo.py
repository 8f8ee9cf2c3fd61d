"""`make demo`: a tour of the fakes with the stock AWS CLI against `opsreg serve`. Each row is a
command a user would type and the outcome real AWS gives; the last line is `N passed, N failed`.
(Later issues add registrations and the scenario library to the demo.)"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import opsreg_serve  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--opsreg", required=True)
    args = parser.parse_args()
    opsreg_serve._OPSREG = args.opsreg
    os.environ.setdefault("AWS_DATA_PATH", os.path.join(os.path.dirname(__file__), "..", "..",
                                                        "fixtures", "aws-models"))
    rows = []
    with opsreg_serve.Serve() as serve, tempfile.TemporaryDirectory() as tmp:
        stack_id = serve.info["stacks"][0]["stack_id"] if serve.info["stacks"] else "none"
        src = os.path.join(tmp, "hello.txt")
        with open(src, "w") as f:
            f.write("hello\n")
        wrong = {"secret_access_key": "wrong-secret"}
        # (what, CLI arguments, extra options, expected: "ok" or the error code)
        steps = [
            ("who am I", ["sts", "get-caller-identity"], {}, "ok"),
            ("create an IAM group", ["iam", "create-group", "--group-name", "OpsWorks-demo",
                                     "--path", "/AWS/OpsWorks/"], {}, "ok"),
            ("create an IAM user", ["iam", "create-user", "--user-name", "OpsWorks-demo-host",
                                    "--path", "/AWS/OpsWorks/"], {}, "ok"),
            ("create it again", ["iam", "create-user", "--user-name", "OpsWorks-demo-host"], {},
             "EntityAlreadyExists"),
            ("give it an access key", ["iam", "create-access-key", "--user-name",
                                       "OpsWorks-demo-host"], {}, "ok"),
            ("delete the user with its key", ["iam", "delete-user", "--user-name",
                                              "OpsWorks-demo-host"], {}, "DeleteConflict"),
            ("sign with a wrong secret", ["sts", "get-caller-identity"], wrong,
             "SignatureDoesNotMatch"),
            ("make a bucket", ["s3", "mb", "s3://demo-bucket"], {}, "ok"),
            ("copy a file in", ["s3", "cp", src, "s3://demo-bucket/hello.txt"], {}, "ok"),
            ("list the bucket", ["s3", "ls", "s3://demo-bucket/"], {}, "ok"),
            ("describe the stacks", ["opsworks", "describe-stacks"], {}, "ok"),
            ("provisioning parameters", ["opsworks", "describe-stack-provisioning-parameters",
                                         "--stack-id", stack_id], {}, "ok"),
            ("an unknown stack", ["opsworks", "describe-stacks", "--stack-ids",
                                  "00000000-0000-0000-0000-000000000000"], {},
             "ResourceNotFoundException"),
        ]
        for what, cli, opts, expected in steps:
            start = time.monotonic()
            code, _, err = serve.aws(*cli, check=False, **opts)
            ms = (time.monotonic() - start) * 1000
            got = "ok" if code == 0 else (err.split("(")[1].split(")")[0] if "(" in err else
                                          err.strip()[:40])
            rows.append((what, "aws " + " ".join(cli[:2]), expected, got, ms))
    print(f"{'step':32} {'command':34} {'expected':26} {'got':26} {'ms':>6}")
    for what, cmd, expected, got, ms in rows:
        mark = "PASS" if expected == got else "FAIL"
        print(f"{what:32} {cmd:34} {expected:26} {got:26} {ms:6.0f}  {mark}")
    passed = sum(1 for r in rows if r[2] == r[3])
    print(f"{passed} passed, {len(rows) - passed} failed")
    return 0 if passed == len(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
