"""`opsreg register --local` against `opsreg serve`: the script runs on this machine with
/bin/sh (no SSH), downloads the installer with curl, and the agent registers this machine's
hostname. `sudo` is a stand-in on PATH (the test must not gain privileges), and the agent's
files go under a temporary host root (OPSREG_HOST_ROOT)."""

import json
import os
import re
import socket
import stat
import subprocess
import tempfile
import unittest

from opsreg_serve import Serve, main, opsreg_binary

SUDO_STANDIN = """#!/bin/sh
# Test stand-in for sudo: drops sudo's options and runs the command as this user.
while [ $# -gt 0 ]; do
  case "$1" in
    -u|-g) shift 2 ;;
    --) shift; break ;;
    -*) shift ;;
    *) break ;;
  esac
done
exec "$@"
"""


class RegisterLocal(unittest.TestCase):
    def test_local_registers_this_machine(self):
        with Serve() as serve, tempfile.TemporaryDirectory() as root:
            bindir = os.path.join(root, "bin")
            os.makedirs(bindir)
            sudo = os.path.join(bindir, "sudo")
            with open(sudo, "w") as f:
                f.write(SUDO_STANDIN)
            os.chmod(sudo, stat.S_IRWXU)
            for d in ("tmp", "var/log"):
                os.makedirs(os.path.join(root, d))
            env = serve.env()
            env.update({"PATH": bindir + os.pathsep + env["PATH"], "OPSREG_HOST_ROOT": root,
                        "TMPDIR": os.path.join(root, "tmp"), "OPSREG_BIN": opsreg_binary()})
            stack = serve.info["stacks"][0]["stack_id"]
            # This machine's name, unless it is not a valid OpsWorks hostname (an FQDN, say).
            hostname = socket.gethostname()
            extra = []
            if not re.fullmatch(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)", hostname):
                hostname = "local-box"
                extra = ["--override-hostname", hostname]
            r = subprocess.run([opsreg_binary(), "register", "--local", "--stack-id", stack,
                                "--infrastructure-class", "on-premises", "--output", "json",
                                *extra],
                               env=env, capture_output=True, text=True, timeout=120,
                               stdin=subprocess.DEVNULL)
            self.assertEqual(r.returncode, 0, r.stderr)
            result = json.loads(r.stdout)
            _, out, _ = serve.aws("opsworks", "describe-instances", "--instance-ids",
                                  result["InstanceId"])
            instance = out["Instances"][0]
            self.assertEqual(instance["Status"], "registered")
            self.assertEqual(instance["Hostname"].lower(), hostname.lower())
            self.assertEqual(instance["InfrastructureClass"], "on-premises")
            # The script cleaned up its private temporary directory.
            self.assertEqual(os.listdir(os.path.join(root, "tmp")), [])

    def test_local_with_a_target_is_a_usage_error(self):
        r = subprocess.run([opsreg_binary(), "register", "--local", "--stack-id", "x",
                            "--infrastructure-class", "on-premises", "some-host"],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 2)


if __name__ == "__main__":
    main()
