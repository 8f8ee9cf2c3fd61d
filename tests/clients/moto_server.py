"""Test support: a `moto_server` (the independent AWS fake) on a free loopback port, for tests
that compare opsreg with it."""

import socket
import subprocess
import time
import urllib.request

import boto3
from botocore.config import Config


class Moto:
    def __init__(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.proc = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(self.port)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.endpoint = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while True:  # wait for the server to answer: start-up, not a timing
            try:
                urllib.request.urlopen(self.endpoint + "/moto-api/", timeout=1)
                break
            except Exception:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise RuntimeError("moto_server did not start")
                time.sleep(0.1)

    def client(self, service):
        return boto3.session.Session().client(
            service, region_name="us-east-1", endpoint_url=self.endpoint,
            aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
            aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            config=Config(retries={"max_attempts": 1}, s3={"addressing_style": "path"}))

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)
