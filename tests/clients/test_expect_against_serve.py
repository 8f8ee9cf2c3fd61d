"""A CI job's shape: `opsreg serve --env FILE --ready-file FILE`, a shell that sources the env
file and runs the AWS CLI and `opsreg register` (the "tool under test"), then `opsreg expect`
checking what it did: exit 0 when every expectation holds, 1 with the scenario engine's message
when one does not, 2 for an expectation that cannot be checked here."""

import json
import os
import stat
import subprocess
import tempfile
import unittest
import urllib.request

from opsreg_serve import Serve, main, opsreg_binary


def clean_env():
    """The test's environment without any AWS_ or OPSREG_ variable: the env file sets them."""
    return {k: v for k, v in os.environ.items()
            if not k.startswith(("AWS_", "OPSREG_"))}


class ExpectAgainstServe(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.env_file = os.path.join(cls.tmp.name, "opsreg.env")
        cls.ready_file = os.path.join(cls.tmp.name, "ready.json")
        cls.serve = Serve("--env", cls.env_file, "--ready-file", cls.ready_file)
        cls.stack_id = cls.serve.info["stacks"][0]["stack_id"]
        # The tool under test: AWS CLI calls and a registration, from a shell that sourced
        # the env file and nothing else.
        cls.tool = cls.sh(
            "aws iam create-user --user-name ci-alice --path /ci/ >/dev/null && "
            "aws opsworks describe-stacks >/dev/null && "
            "aws opsworks describe-stacks >/dev/null && "
            f"{opsreg_binary()} register --ssh-config \"$OPSREG_SSH_CONFIG\" "
            f"--stack-id {cls.stack_id} --infrastructure-class on-premises --ssh-username ubuntu "
            "--output json onprem-web-1 && "
            "aws opsworks wait instance-registered --instance-ids "
            "$(aws opsworks describe-instances --stack-id " + cls.stack_id +
            " --query 'Instances[0].InstanceId' --output text)")

    @classmethod
    def tearDownClass(cls):
        cls.serve.stop()
        cls.tmp.cleanup()

    @classmethod
    def sh(cls, script, stdin=None):
        """Runs `script` in bash after sourcing serve's env file."""
        return subprocess.run(["bash", "-c", f". {cls.env_file} && {script}"], env=clean_env(),
                              capture_output=True, text=True, timeout=180,
                              input=stdin if stdin is not None else "")

    def expect(self, *expectations, stdin=None, extra=()):
        args = " ".join("'" + e + "'" for e in expectations)
        return self.sh(f"{opsreg_binary()} expect {' '.join(extra)} {args}", stdin=stdin)

    def log(self, query=""):
        with urllib.request.urlopen(self.serve.endpoint + "/_opsreg/requests" + query) as r:
            return json.loads(r.read())

    def test_the_tool_ran(self):
        self.assertEqual(self.tool.returncode, 0, self.tool.stderr)

    def test_ready_file_is_the_json_line_and_env_file_is_private(self):
        with open(self.ready_file) as f:
            self.assertEqual(json.loads(f.read()), self.serve.info)
        self.assertEqual(stat.S_IMODE(os.stat(self.env_file).st_mode), 0o600)
        with open(self.env_file) as f:
            text = f.read()
        self.assertIn(f"export AWS_ENDPOINT_URL={self.serve.endpoint}\n", text)
        self.assertIn("export OPSREG_SSH_CONFIG=", text)
        self.assertIn(f"export OPSREG_ADMIN_URL={self.serve.endpoint}/_opsreg\n", text)
        self.assertNotIn("export HOME=", text)

    def test_expectations_that_hold_exit_0(self):
        self.assertEqual(self.tool.returncode, 0, self.tool.stderr)
        stacks = len(self.log("?service=opsworks&operation=DescribeStacks&caller=operator")
                     ["requests"])
        self.assertGreaterEqual(stacks, 2)  # the tool's two, and register's own
        r = self.expect(
            '{"iam_user": {"name": "ci-alice"}}',
            '{"iam_user": {"path_prefix": "/AWS/OpsWorks/"}}',
            '{"requests": {"service": "iam", "operation": "CreateUser", "caller": "operator",'
            ' "ok": true, "count": 2}}',
            '{"requests": {"service": "opsworks", "operation": "DescribeStacks",'
            f' "caller": "operator", "count": {stacks}}}}}',
            '[{"instance": {"hostname": "onprem-web-1", "status": "registered"}},'
            ' {"file": {"host": "onprem-web-1", "path": "/etc/hosts", "contains": "onprem-web-1"}}]')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("6 expectations hold", r.stdout)

    def test_the_checks_own_reads_are_not_logged(self):
        # (the operator's only: the registered agent contacts OpsWorks on its own timer)
        before = self.log("?caller=operator")["requests"]
        r = self.expect('{"instance": {"hostname": "onprem-web-1"}}',
                        '{"iam_user": {"name": "ci-alice"}}')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.log("?caller=operator")["requests"], before)

    def test_a_false_expectation_exits_1_with_the_scenario_message(self):
        r = self.expect('{"iam_user": {"name": "ci-nobody"}}',
                        '{"instance": {"hostname": "onprem-web-1", "status": "connection_lost"}}',
                        '{"file": {"host": "onprem-web-1", "path": "/etc/hosts", "contains": "zzz"}}',
                        '{"requests": {"service": "iam", "operation": "CreateUser", "count": 7}}')
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("expectation 1: expected IAM user ci-nobody present, got absent", r.stderr)
        self.assertIn("expectation 2: expected instance onprem-web-1 status connection_lost, "
                      "got registered", r.stderr)
        self.assertIn("expectation 3: expected /etc/hosts on onprem-web-1 to contain \"zzz\"",
                      r.stderr)
        self.assertIn("expectation 4: expected 7 request(s) iam CreateUser, got 2", r.stderr)

    def test_file_on_an_unknown_host_and_out_of_the_tree(self):
        r = self.expect('{"file": {"host": "nohost", "path": "/etc/hosts"}}')
        self.assertEqual(r.returncode, 1)
        self.assertIn("the world has no host 'nohost'", r.stderr)
        r = self.expect('{"file": {"host": "onprem-web-1", "path": "/etc/nothing-here"}}',
                        '{"file": {"host": "onprem-web-1", "path": "/etc/nothing-here",'
                        ' "absent": true}}')
        self.assertEqual(r.returncode, 1)
        self.assertIn("expectation 1: expected file /etc/nothing-here on onprem-web-1, got none",
                      r.stderr)
        self.assertNotIn("expectation 2", r.stderr)
        r = self.expect('{"file": {"host": "onprem-web-1", "path": "/etc/../../etc/passwd"}}')
        self.assertEqual(r.returncode, 2)
        self.assertIn("goes up out of its folder", r.stderr)

    def test_expectations_from_a_file_and_stdin(self):
        path = os.path.join(self.tmp.name, "expect.json")
        with open(path, "w") as f:
            json.dump([{"iam_user": {"name": "ci-alice"}}], f)
        r = self.expect(extra=("--file", path))
        self.assertEqual(r.returncode, 0, r.stderr)
        r = self.expect(extra=("--file", "-"), stdin='{"iam_user": {"name": "ci-bob"}}')
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("expected IAM user ci-bob present, got absent", r.stderr)

    def test_bad_expectations_are_usage_errors(self):
        for bad, says in [
            ('{"exit": 0}', "'exit' is not applicable"),
            ('{"error_code": "Throttling"}', "'error_code' is not applicable"),
            ('{"result": {"register.InstanceId": "x"}}', "'result' is not applicable"),
            ('{"colour": "red"}', "unknown expectation 'colour'"),
            ('{"instance": {}}', "instance needs an object with \"hostname\""),
            ('not json', "is not a JSON object"),
        ]:
            r = self.expect(bad)
            self.assertEqual(r.returncode, 2, bad + ": " + r.stderr)
            self.assertIn(says, r.stderr, bad)
        r = self.expect('{"iam_user": {"name": "x"}}', extra=("--colour",))
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown option '--colour'", r.stderr)
        r = subprocess.run([opsreg_binary(), "expect", '{"iam_user": {"name": "x"}}'],
                           env=clean_env(), capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--endpoint (or AWS_ENDPOINT_URL) is required", r.stderr)


class PrintEnv(unittest.TestCase):
    def test_print_env_follows_the_json_line_with_the_env_files_lines(self):
        with tempfile.TemporaryDirectory() as tmp:
            env_file = os.path.join(tmp, "e.env")
            with Serve("--print-env", "--env", env_file) as serve:
                printed = []
                while not printed or not printed[-1].startswith("export OPSREG_SSH_CONFIG="):
                    line = serve.proc.stdout.readline()
                    self.assertTrue(line, "serve's stdout ended: " + "".join(printed))
                    printed.append(line)
                with open(env_file) as f:
                    self.assertEqual("".join(printed), f.read())
                self.assertIn(f"export OPSREG_ENDPOINT={serve.endpoint}\n", printed)


class ExpectAgainstVirtualClock(unittest.TestCase):
    """On a virtual clock the world stands at its file's instant: expect signs at that time."""

    def test_reads_signed_at_the_worlds_time(self):
        with Serve("--virtual-clock") as serve:
            urllib.request.urlopen(urllib.request.Request(
                serve.endpoint + "/_opsreg/clock/advance", data=b'{"by":"90d"}', method="POST"))
            env = {**clean_env(), "AWS_ENDPOINT_URL": serve.endpoint,
                   "AWS_ACCESS_KEY_ID": serve.access_key_id,
                   "AWS_SECRET_ACCESS_KEY": serve.secret_access_key,
                   "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull}
            r = subprocess.run([opsreg_binary(), "expect",
                                '{"iam_user": {"name": "nobody", "present": false}}',
                                '{"instance": {"hostname": "onprem-web-1", "absent": true}}'],
                               env=env, capture_output=True, text=True, timeout=60)
            self.assertEqual(r.returncode, 0, r.stderr)


if __name__ == "__main__":
    main()
