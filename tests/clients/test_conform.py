"""`opsreg conform` from the command line, as a user runs it: against a second `opsreg serve` every
call agrees and the run's names are cleaned up; against `moto_server` (the independent AWS fake)
it reports exactly the places where moto skips a rule of the AWS API references — each one listed
here with the reference, and opsreg's side asserted to be AWS's. A moto upgrade that fixes one
shows up as a failure here."""

import json
import os
import subprocess
import tempfile
import unittest

from moto_server import Moto
from opsreg_serve import Serve, main, opsreg_binary


FIXTURES = os.path.join(os.path.dirname(__file__), "..", "..", "fixtures")


def offline(*args):
    """`opsreg conform` with no target (snapshots, documented outcomes): no AWS environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    return subprocess.run([opsreg_binary(), "conform", *args], env=env, capture_output=True,
                          text=True, timeout=240)


def case_files(names):
    return [os.path.join(FIXTURES, "conformance", name + ".json") for name in names]


def step_count():
    """The steps of every case file (cleanup calls are not compared, so not counted)."""
    total = 0
    for name in os.listdir(os.path.join(FIXTURES, "conformance")):
        if name.endswith(".json"):
            with open(os.path.join(FIXTURES, "conformance", name)) as f:
                total += len(json.load(f)["steps"])
    return total


def verdicts(report):
    """(case, step) -> (fakes, reference's answer, differences with the reference's name cut)."""
    label = report["reference"]
    return {(case["name"], call["step"]):
            (call["fakes"], call["target"], [d.replace(label, "REF") for d in call["differences"]])
            for case in report["cases"] for call in case["calls"]}


def conform(target, access_key_id, secret_access_key, *extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update({"AWS_ACCESS_KEY_ID": access_key_id, "AWS_SECRET_ACCESS_KEY": secret_access_key,
                "AWS_REGION": "us-east-1", "AWS_CONFIG_FILE": os.devnull,
                "AWS_SHARED_CREDENTIALS_FILE": os.devnull})
    return subprocess.run([opsreg_binary(), "conform", "--target", target, *extra], env=env,
                          capture_output=True, text=True, timeout=240)


# The cases run against moto. Left out: iam-permissions and clock-skew, whose calls are signed
# with a key that does not exist, a user's key without permissions or a clock 16 minutes off:
# moto_server checks neither signatures nor permissions (by default it lets every caller in), so
# every such step would differ for that one reason (AWS: the IAM User Guide's Signature Version 4
# troubleshooting, and the OpsWorks and STS common errors). And the OPSWORKS_CASES: moto 5.2.1
# has no OpsWorks backend (moto.opsworks is gone), so every OpsWorks call answers HTTP 500,
# CreateStack fails and every later step differs for that one reason (the one OpsWorks call of
# sts-ec2-opsworks-errors shows it below).
MOTO_CASES = ["iam-users", "iam-access-keys", "iam-groups-policies", "iam-groups-listing",
              "iam-roles-instance-profiles", "iam-role-policies", "sts-assume-role",
              "s3-objects", "s3-buckets-multipart", "ec2-addresses-volumes",
              "sts-ec2-opsworks-errors"]
OPSWORKS_CASES = ["opsworks-stacks-instances", "opsworks-volumes-elastic-ips",
                  "opsworks-agent-channel"]

# (case, step) -> (opsreg's answer = AWS's, moto's answer, the AWS reference).
MOTO_SKIPS = {
    ("iam-users", 5): ("ValidationError (400)", "ok",
                       "IAM API reference, CreateUser: UserName pattern [\\w+=,.@-]+"),
    ("iam-users", 7): ("DeleteConflict (409)", "ok",
                       "IAM API reference, DeleteUser: delete the user's access keys first; "
                       "DeleteConflict"),
    ("iam-access-keys", 6): ("ValidationError (400)", "ok",
                             "IAM API reference, UpdateAccessKey: Status is Active | Inactive"),
    ("iam-access-keys", 8): ("ok", "ok", "the consequence: moto stored Status=Sleeping"),
    ("iam-groups-policies", 4): ("ok", "NoSuchEntity (404)",
                                 "AWS managed policy reference: AWSOpsWorksInstanceRegistration "
                                 "(moto's bundled list lacks it)"),
    ("iam-groups-policies", 5): ("ok", "ok", "the consequence: nothing attached on moto"),
    ("iam-groups-policies", 8): ("DeleteConflict (409)", "ok",
                                 "IAM API reference, DeleteGroup: the group must not contain "
                                 "users; DeleteConflict"),
    ("iam-role-policies", 2): ("ok", "NoSuchEntity (404)",
                               "AWS managed policy reference: AWSOpsWorksInstanceRegistration "
                               "(moto's bundled list lacks it)"),
    ("iam-role-policies", 3): ("ok", "ok", "the consequence: nothing attached on moto"),
    ("sts-assume-role", 7): ("ValidationError (400)", "ok",
                             "STS API reference, AssumeRole: DurationSeconds 900 to 43200"),
    ("s3-buckets-multipart", 9): ("ok", "ok",
                                  "S3 API reference, ListObjects: Marker is in the response when "
                                  "the request sent one (moto leaves it out)"),
    ("s3-buckets-multipart", 17): ("NoSuchUpload (404)", "500",
                                   "S3 API reference, error responses: NoSuchUpload, the "
                                   "specified multipart upload does not exist"),
    ("ec2-addresses-volumes", 5): ("InvalidVolumeID.Malformed (400)",
                                   "InvalidVolume.NotFound (400)",
                                   "EC2 API reference, error codes: InvalidVolumeID.Malformed"),
    ("sts-ec2-opsworks-errors", 2): ("InvalidInstanceID.Malformed (400)",
                                     "InvalidInstanceID.NotFound (400)",
                                     "EC2 API reference, error codes: InvalidInstanceID.Malformed"),
    ("sts-ec2-opsworks-errors", 4): ("ResourceNotFoundException (400)", "HTTP500 (500)",
                                     "OpsWorks API reference, DescribeStacks: "
                                     "ResourceNotFoundException"),
}


class Conform(unittest.TestCase):
    def test_against_a_second_opsreg_serve_every_call_agrees_and_nothing_is_left(self):
        with Serve() as serve:
            r = conform(serve.endpoint, serve.access_key_id, serve.secret_access_key, "--json")
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            report = json.loads(r.stdout)
            self.assertEqual(report["different"], 0)
            self.assertEqual(report["calls"], step_count())  # every step of every case
            self.assertEqual({c["name"] for c in report["cases"]},
                             set(MOTO_CASES) | set(OPSWORKS_CASES) |
                             {"iam-permissions", "clock-skew"})
            for case in report["cases"]:
                self.assertEqual(case["cleanup_notes"], [], case["name"])
            _, users, _ = serve.aws("iam", "list-users")
            self.assertFalse([u for u in users["Users"]
                              if u["UserName"].startswith("opsreg-conform-")])
            _, groups, _ = serve.aws("iam", "list-groups")
            self.assertFalse([g for g in groups["Groups"]
                              if g["GroupName"].startswith("opsreg-conform-")])
            _, buckets, _ = serve.aws("s3api", "list-buckets")
            self.assertFalse([b for b in buckets["Buckets"]
                              if b["Name"].startswith("opsreg-conform-")])
            _, roles, _ = serve.aws("iam", "list-roles")
            self.assertFalse([r for r in roles["Roles"]
                              if r["RoleName"].startswith("opsreg-conform-")])
            _, profiles, _ = serve.aws("iam", "list-instance-profiles")
            self.assertFalse([p for p in profiles["InstanceProfiles"]
                              if p["InstanceProfileName"].startswith("opsreg-conform-")])
            _, stacks, _ = serve.aws("opsworks", "describe-stacks")
            self.assertFalse([s for s in stacks["Stacks"]
                              if s["Name"].startswith("opsreg-conform-")])

    def test_against_moto_it_reports_where_moto_skips_aws_rules(self):
        moto = Moto()
        snapshots = tempfile.mkdtemp(prefix="opsreg-snapshots-")
        try:
            r = conform(moto.endpoint, "AKIAIOSFODNN7EXAMPLE",
                        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "--json",
                        "--record", snapshots, *case_files(MOTO_CASES))
        finally:
            moto.stop()
        self.check_moto_report(r)
        # The recording, offline: moto is gone, the report is the same call for call.
        replayed = offline("--snapshots", snapshots, "--json", *case_files(MOTO_CASES))
        self.check_moto_report(replayed)
        self.assertEqual(verdicts(json.loads(replayed.stdout)), verdicts(json.loads(r.stdout)))
        with open(os.path.join(snapshots, "iam-users.json")) as f:
            snapshot = json.load(f)
        self.assertTrue(snapshot["recorded"]["target"].startswith("http://127.0.0.1:"))
        self.assertRegex(snapshot["recorded"]["at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        self.assertNotIn("wJalrXUtnFEMI", json.dumps(snapshot))
        # A snapshot edited to differ fails, naming the call and the member.
        snapshot["calls"][0]["same"]["Path"] = "/elsewhere/"
        with open(os.path.join(snapshots, "iam-users.json"), "w") as f:
            json.dump(snapshot, f)
        edited = offline("--snapshots", snapshots, os.path.join(FIXTURES, "conformance",
                                                                "iam-users.json"))
        self.assertEqual(edited.returncode, 1, edited.stdout + edited.stderr)
        self.assertRegex(edited.stdout, r"iam-users +1 +iam CreateUser .* DIFFERENT\n"
                                        r' +Path: fakes "/opsreg/", snapshot "/elsewhere/"\n')

    def check_moto_report(self, r):
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        report = json.loads(r.stdout)
        differing = {}
        for case in report["cases"]:
            for call in case["calls"]:
                if call["differences"]:
                    differing[(case["name"], call["step"])] = (call["fakes"], call["target"])
        self.assertEqual(set(differing), set(MOTO_SKIPS))
        for key, (ours, theirs, reference) in MOTO_SKIPS.items():
            self.assertEqual(differing[key], (ours, theirs), f"{key}: {reference}")
        self.assertEqual(report["different"], len(MOTO_SKIPS))

    def test_the_shipped_moto_snapshots_hold_offline(self):
        # Recorded against moto_server 5.2.1 for the cases where moto follows the AWS references.
        r = offline("--snapshots", os.path.join(FIXTURES, "conformance-snapshots", "moto"),
                    "--json", os.path.join(FIXTURES, "conformance",
                                           "iam-roles-instance-profiles.json"),
                    os.path.join(FIXTURES, "conformance", "s3-objects.json"))
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        report = json.loads(r.stdout)
        self.assertEqual((report["reference"], report["calls"], report["different"]),
                         ("snapshot", 17, 0))

    def test_the_table_ends_with_the_counts_and_bad_usage_exits_2(self):
        with Serve() as serve:
            r = conform(serve.endpoint, serve.access_key_id, serve.secret_access_key,
                        os.path.join(os.path.dirname(__file__), "..", "..", "fixtures",
                                     "conformance", "iam-users.json"))
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            self.assertRegex(r.stdout, r"\n7 calls, 7 the same, 0 different \(1 cases\)\n$")
            self.assertIn("EntityAlreadyExists (409)", r.stdout)
        r = offline("--record", "/tmp/x")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--record needs --target", r.stderr)
        r = offline("--target", "aws", "--snapshots", "/tmp/x")
        self.assertEqual(r.returncode, 2)
        self.assertIn("give --target or --snapshots, not both", r.stderr)
        r = subprocess.run([opsreg_binary(), "conform", "--target", "ftp://x"], capture_output=True,
                           text=True)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--target must be aws or an http:// or https:// URL", r.stderr)


if __name__ == "__main__":
    main()
