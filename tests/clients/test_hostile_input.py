"""Hostile input never takes `opsreg serve` down: JSON nested 100000 deep (to the admin API
without credentials, in a signed IAM policy, in a signed OpsWorks instance identity), durations
that would wrap the clock, a value of the wrong type; each is refused with the error a client
expects and the server keeps serving. Bad files given to `serve --world` and `scenario run`
(a directory, a fifo, deep JSON, a misspelt key, a symlink loop) are named, never a crash or a
hang."""

import json
import os
import subprocess
import tempfile
import unittest
import urllib.error
import urllib.request

import botocore.exceptions

from opsreg_serve import main, opsreg_binary, ServeTestCase

DEPTH = 100000


def deep(depth=DEPTH):
    return '{"a":' * depth + "1" + "}" * depth


class HostileRequests(ServeTestCase):
    def post(self, path, data, content_type="application/json"):
        """(status, headers, parsed body) of a POST to the admin API; no exception on 4xx/5xx."""
        req = urllib.request.Request(self.serve.endpoint + "/_opsreg/" + path, method="POST",
                                     data=data.encode(), headers={"Content-Type": content_type})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status, dict(r.headers), json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), json.loads(e.read())

    def assert_still_serving(self):
        self.assertIsNone(self.serve.proc.poll(), "serve exited")
        self.assertIn("clock", self.serve.admin("GET", "clock"))

    def test_deep_json_to_the_admin_api_is_a_400(self):
        status, _, body = self.post("faults", deep())
        self.assertEqual(status, 400, body)
        self.assert_still_serving()

    def test_a_deep_policy_condition_is_a_malformed_policy_document(self):
        iam = self.serve.client("iam")
        iam.create_user(UserName="deep-policy")
        statement = {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}
        policy = ('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",'
                  '"Resource":"*","Condition":' + deep(100) + "}]}")
        with self.assertRaises(botocore.exceptions.ClientError) as e:
            iam.put_user_policy(UserName="deep-policy", PolicyName="p", PolicyDocument=policy)
        self.assertEqual(e.exception.response["Error"]["Code"], "MalformedPolicyDocument")
        # A shallow policy is still taken.
        iam.put_user_policy(UserName="deep-policy", PolicyName="p",
                            PolicyDocument=json.dumps({"Version": "2012-10-17",
                                                       "Statement": [statement]}))
        self.assert_still_serving()

    def test_a_deep_instance_identity_is_refused(self):
        opsworks = self.serve.client("opsworks")
        stack_id = self.serve.info["stacks"][0]["stack_id"]
        with self.assertRaises(botocore.exceptions.ClientError) as e:
            opsworks.register_instance(
                StackId=stack_id, Hostname="deep", PublicIp="192.0.2.10",
                RsaPublicKey="ssh-rsa AAAA", RsaPublicKeyFingerprint="aa:bb",
                InstanceIdentity={"Document": deep(), "Signature": "x"})
        self.assertEqual(e.exception.response["ResponseMetadata"]["HTTPStatusCode"], 400)
        self.assert_still_serving()

    def test_a_deep_json_11_body_is_a_serialization_exception(self):
        req = urllib.request.Request(
            self.serve.endpoint + "/", method="POST", data=deep().encode(),
            headers={"Content-Type": "application/x-amz-json-1.1",
                     "X-Amz-Target": "OpsWorks_20130218.DescribeStacks"})
        try:
            urllib.request.urlopen(req, timeout=60)
            self.fail("a deep body was taken")
        except urllib.error.HTTPError as e:
            self.assertLess(e.code, 500)
        self.assert_still_serving()

    def test_the_clock_never_wraps(self):
        before = self.serve.admin("GET", "clock")["clock"]
        for by in ("90000d", "99999999999999999999d", "9223372036854775807ms"):
            status, _, body = self.post("clock/advance", json.dumps({"by": by}))
            self.assertEqual(status, 400, (by, body))
            self.assertIn("error", body)
        after = self.serve.admin("GET", "clock")["clock"]
        self.assertGreaterEqual(after, before)
        self.assertTrue(after.startswith("20"), after)

    def test_a_wrong_type_is_a_400_with_no_exception_text(self):
        for path, body in (("clock/advance", '{"by":5}'), ("clock/advance", "[1]"),
                           ("faults", '{"operation":5,"latency":3}')):
            status, headers, answer = self.post(path, body)
            self.assertEqual(status, 400, (path, body, answer))
            self.assertIn("error", answer)
            for name, value in headers.items():
                self.assertNotIn("exception", (name + value).lower(), (path, body, headers))
        self.assert_still_serving()

    def test_an_endless_fault_latency_is_refused(self):
        status, _, body = self.post("faults", json.dumps({"service": "iam",
                                                          "latency": "99999999999d"}))
        self.assertEqual(status, 400, body)
        self.assertIn("latency", body["error"])


class HostileFiles(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def opsreg(self, *args):
        return subprocess.run([opsreg_binary(), *args], capture_output=True, text=True,
                              timeout=60, stdin=subprocess.DEVNULL)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def assert_refused(self, result, *words):
        self.assertGreater(result.returncode, 0, result)
        self.assertLess(result.returncode, 128, result)  # an exit, not a signal or abort
        for w in words:  # `scenario run` reports in its table on stdout
            self.assertIn(w, result.stdout + result.stderr)

    def test_serve_refuses_bad_world_files(self):
        fifo = os.path.join(self.dir, "fifo.json")
        os.mkfifo(fifo)
        deep_file = self.write("deep.json", deep())
        misspelt = self.write("hostz.json", '{"hostz": []}')
        self.assert_refused(self.opsreg("serve", "--port", "0", "--world", self.dir),
                            "not a regular file (a directory)")
        self.assert_refused(self.opsreg("serve", "--port", "0", "--world", fifo),
                            "not a regular file (a fifo)")
        self.assert_refused(self.opsreg("serve", "--port", "0", "--world", deep_file),
                            deep_file + ": JSON nested deeper than 64 levels")
        self.assert_refused(self.opsreg("serve", "--port", "0", "--world", misspelt),
                            "hostz", "hosts")

    def test_scenario_run_refuses_bad_files(self):
        deep_file = self.write("deep.json", deep())
        self.assert_refused(self.opsreg("scenario", "run", deep_file),
                            deep_file + ": JSON nested deeper than 64 levels")
        loop = os.path.join(self.dir, "loop")
        os.mkdir(loop)
        os.symlink(loop, os.path.join(loop, "again"))
        os.symlink("self", os.path.join(loop, "self"))
        result = self.opsreg("scenario", "run", loop)
        self.assertLess(result.returncode, 128, result)

    def test_a_scenario_advancing_90000_days_is_refused(self):
        path = self.write("far.json", json.dumps({
            "name": "far", "proves": "the clock does not wrap",
            "steps": [{"advance": "90000d"}]}))
        self.assert_refused(self.opsreg("scenario", "run", path), "advance")


if __name__ == "__main__":
    main()
