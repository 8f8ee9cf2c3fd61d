"""Test support for the real-client tests: starts `opsreg serve`, reads its JSON line, and hands
out an environment for the AWS CLI and boto3 clients pointed at it. Loopback only, port 0."""

import argparse
import json
import os
import subprocess
import sys
import unittest

import boto3
from botocore.config import Config

_OPSREG = None


def opsreg_binary():
    return _OPSREG


class Serve:
    """A running `opsreg serve`; use as a context manager."""

    def __init__(self, *extra_args, world=None):
        args = [opsreg_binary(), "serve", "--port", "0", *extra_args]
        if world:
            args += ["--world", world]
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("opsreg serve printed nothing: " + self.proc.stderr.read())
        self.info = json.loads(line)
        self.endpoint = self.info["endpoint"]
        self.region = self.info["region"]
        op = self.info["operator"]
        self.access_key_id = op["access_key_id"]
        self.secret_access_key = op["secret_access_key"]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        self.proc.stdout.close()
        self.proc.stderr.close()

    def env(self, access_key_id=None, secret_access_key=None):
        """Environment for the AWS CLI: credentials, region, endpoint; nothing from ~/.aws."""
        env = dict(os.environ)
        for k in list(env):
            if k.startswith("AWS_") and k != "AWS_DATA_PATH":
                del env[k]
        env.update({
            "AWS_ACCESS_KEY_ID": access_key_id or self.access_key_id,
            "AWS_SECRET_ACCESS_KEY": secret_access_key or self.secret_access_key,
            "AWS_DEFAULT_REGION": self.region,
            "AWS_ENDPOINT_URL": self.endpoint,
            "AWS_CONFIG_FILE": os.devnull,
            "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
            "AWS_PAGER": "",
        })
        return env

    def aws(self, *args, access_key_id=None, secret_access_key=None, check=True):
        """Runs the installed AWS CLI; returns (exit code, parsed JSON or None, stderr)."""
        proc = subprocess.run(["aws", "--output", "json", *args],
                              env=self.env(access_key_id, secret_access_key),
                              capture_output=True, text=True, timeout=120)
        if check and proc.returncode != 0:
            raise AssertionError(f"aws {' '.join(args)} failed ({proc.returncode}): {proc.stderr}")
        out = json.loads(proc.stdout) if proc.stdout.strip().startswith(("{", "[")) else None
        return proc.returncode, out, proc.stderr

    def client(self, service, access_key_id=None, secret_access_key=None):
        """A boto3 client for `service` pointed at the edge, no retries."""
        return boto3.session.Session().client(
            service,
            region_name=self.region,
            endpoint_url=self.endpoint,
            aws_access_key_id=access_key_id or self.access_key_id,
            aws_secret_access_key=secret_access_key or self.secret_access_key,
            config=Config(retries={"max_attempts": 1}, s3={"addressing_style": "path"}),
        )

    def admin(self, method, path, body=None):
        import urllib.request
        req = urllib.request.Request(self.endpoint + "/_opsreg/" + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None)
        with urllib.request.urlopen(req) as r:
            return json.loads(r.read())



class ServeTestCase(unittest.TestCase):
    """Tests sharing one `opsreg serve` of the default world (self.serve), stopped after them."""

    @classmethod
    def setUpClass(cls):
        cls.serve = Serve()

    @classmethod
    def tearDownClass(cls):
        cls.serve.stop()

def main():
    """unittest.main() that first takes --opsreg PATH off the command line."""
    global _OPSREG
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--opsreg", required=True)
    ns, rest = parser.parse_known_args()
    _OPSREG = ns.opsreg
    os.environ.setdefault("AWS_DATA_PATH", os.path.join(
        os.path.dirname(__file__), "..", "..", "fixtures", "aws-models"))
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)
