"""Test support: a `moto_server` (the independent AWS fake) on a free loopback port, for tests
that compare opsreg with it."""

import socket
import subprocess
import threading

import boto3
from botocore.config import Config


class Moto:
    def __init__(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.proc = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(self.port)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.endpoint = f"http://127.0.0.1:{self.port}"
        # Werkzeug says "Running on http://..." once it listens: wait for that line.
        for line in self.proc.stderr:
            if "Running on" in line:
                break
        else:
            raise RuntimeError("moto_server did not start")
        threading.Thread(target=self.proc.stderr.read, daemon=True).start()  # keep draining

    def client(self, service):
        return boto3.session.Session().client(
            service, region_name="us-east-1", endpoint_url=self.endpoint,
            aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
            aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            config=Config(retries={"max_attempts": 1}, s3={"addressing_style": "path"}))

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)
