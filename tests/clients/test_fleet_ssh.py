"""Stock OpenSSH `ssh` against `opsreg serve`'s simulated hosts: the ssh_config it writes leads a
host's name and private IP to its loopback port; the right key logs in, a wrong one is refused.
A world's host group is served like its hosts."""

import os
import shutil
import subprocess
import tempfile
import unittest

from opsreg_serve import main, Serve, ServeTestCase

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "..", "fixtures")


def private_copy(tmp, fixture):
    """A 0600 copy of a fixture private key (git does not keep modes; ssh refuses wider ones)."""
    path = os.path.join(tmp, os.path.basename(fixture))
    shutil.copyfile(os.path.join(FIXTURES, fixture), path)
    os.chmod(path, 0o600)
    return path


class OpenSshReachesServedHosts(ServeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hosts = {h["name"]: h for h in cls.serve.info["hosts"]}
        cls.web = cls.hosts["onprem-web-1"]
        cls.tmp = tempfile.mkdtemp(prefix="opsreg-fleet-test.")

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def ssh(self, *args):
        return subprocess.run(["ssh", "-o", "BatchMode=yes", *args, "hostname; echo ok"],
                              capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)

    def test_serve_lists_the_default_worlds_hosts(self):
        self.assertEqual(sorted(self.hosts), ["ec2-twin-1", "ec2-twin-2", "ec2-vpc-1",
                                              "ec2-web-1", "ec2-www-1", "onprem-db-1",
                                              "onprem-web-1"])
        self.assertIsNone(self.web["metadata_url"])
        self.assertIsNone(self.web["ec2_instance_id"])
        ec2 = self.hosts["ec2-web-1"]
        self.assertEqual(ec2["ec2_instance_id"], "i-0a1b2c3d4e5f60021")
        self.assertTrue(ec2["metadata_url"].startswith("http://127.0.0.1:"))
        self.assertEqual(self.web["address"], "10.0.0.11")
        self.assertEqual(self.web["public_ip"], "203.0.113.11")
        self.assertEqual(self.web["ssh_username"], "ubuntu")
        self.assertTrue(self.web["host_key_fingerprint"].startswith("SHA256:"))
        self.assertEqual(os.stat(self.web["ssh_private_key"]).st_mode & 0o777, 0o600)
        self.assertIsNone(self.hosts["onprem-db-1"]["ssh_private_key"])
        self.assertTrue(os.path.isfile(self.serve.info["ssh_config"]))

    def test_ssh_reaches_a_host_by_name(self):
        r = self.ssh("-F", self.serve.info["ssh_config"], "onprem-web-1")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.split(), ["onprem-web-1", "ok"])

    def test_ssh_reaches_a_host_by_private_and_public_ip(self):
        for address in (self.web["address"], self.web["public_ip"]):
            r = self.ssh("-F", self.serve.info["ssh_config"], address)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout.split(), ["onprem-web-1", "ok"])

    def test_ssh_with_a_wrong_key_is_refused(self):
        wrong = private_copy(self.tmp, "ssh/wrong_ed25519")
        known = os.path.join(self.tmp, "known_hosts")
        r = self.ssh("-F", "/dev/null", "-p", str(self.web["ssh_port"]), "-l", "ubuntu",
                     "-i", wrong, "-o", "IdentitiesOnly=yes", "-o", "UserKnownHostsFile=" + known,
                     "-o", "StrictHostKeyChecking=accept-new", "127.0.0.1")
        self.assertEqual(r.returncode, 255)
        self.assertIn("Permission denied (publickey,password)", r.stderr)
        self.assertNotIn("ok", r.stdout)

    def test_ssh_with_a_wrong_key_to_a_password_host_is_refused(self):
        wrong = private_copy(self.tmp, "ssh/wrong_ed25519")
        r = self.ssh("-F", self.serve.info["ssh_config"], "-i", wrong, "-o", "IdentitiesOnly=yes",
                     "onprem-db-1")
        self.assertEqual(r.returncode, 255)
        self.assertIn("Permission denied", r.stderr)


class OpenSshReachesAHostGroup(unittest.TestCase):
    """fixtures/worlds/fleet-100.json: a bastion host and the group node-{n} of 100 hosts."""

    def test_a_groups_hosts_are_served_and_reached_by_name_and_address(self):
        with Serve(world=os.path.join(FIXTURES, "worlds", "fleet-100.json")) as serve:
            hosts = {h["name"]: h for h in serve.info["hosts"]}
            self.assertEqual(len(hosts), 101)
            self.assertEqual(hosts["node-100"]["address"], "10.100.0.100")
            self.assertEqual(hosts["node-1"]["infrastructure_class"], "on-premises")
            ports = {h["ssh_port"] for h in hosts.values()}
            self.assertEqual(len(ports), 101)
            for target, name in (("node-7", "node-7"), ("10.100.0.100", "node-100")):
                r = subprocess.run(["ssh", "-o", "BatchMode=yes", "-F", serve.info["ssh_config"],
                                    target, "hostname; echo ok"], capture_output=True, text=True,
                                   timeout=60, stdin=subprocess.DEVNULL)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(r.stdout.split(), [name, "ok"])


if __name__ == "__main__":
    main()
