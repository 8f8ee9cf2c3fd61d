"""Sandboxed hosts (world setting "sandbox_hosts") through stock OpenSSH against `opsreg serve`:
what a session writes to /tmp, /etc/hosts (as root, through sudo) and /root lands in the host's
own tree, never on the machine; `hostname` is the host's name, `id` the login user, `sudo` root;
`ps` sees only the session's processes; two hosts do not see each other's files; what a session
leaves running dies with it; a stopped serve or a scenario run leaves no process and no folder in
its TMPDIR; where the namespaces are refused, hosts do not start unless the world opts out."""

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time
import unittest

from opsreg_serve import Serve, main, opsreg_binary

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "..", "fixtures")


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class SandboxedHosts(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="opsreg-sandbox-test.")
        with open(os.path.join(FIXTURES, "worlds", "default.json")) as f:
            world = json.load(f)
        world.setdefault("settings", {})["sandbox_hosts"] = True
        cls.world = os.path.join(cls.tmp, "world.json")
        with open(cls.world, "w") as f:
            json.dump(world, f)
        cls.serve_tmp = os.path.join(cls.tmp, "serve-tmpdir")
        os.mkdir(cls.serve_tmp)
        os.environ["TMPDIR"] = cls.serve_tmp  # the serve below makes its folders here
        try:
            cls.serve = Serve(world=cls.world)
        finally:
            del os.environ["TMPDIR"]
        cls.config = cls.serve.info["ssh_config"]
        cls.probe = "opsreg-sandbox-probe-%d" % os.getpid()

    @classmethod
    def tearDownClass(cls):
        cls.serve.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def ssh(self, host, command):
        r = subprocess.run(["ssh", "-F", self.config, "-o", "BatchMode=yes", host, command],
                           capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    def test_writes_land_in_the_hosts_tree_not_on_the_machine(self):
        hosts_before = digest("/etc/hosts")
        self.assertFalse(os.path.exists("/tmp/" + self.probe))
        out = self.ssh("onprem-web-1",
                       "echo x > /tmp/%s; sudo sh -c 'echo 10.9.9.9 evil >> /etc/hosts'; "
                       "touch /root/%s; hostname; cat /tmp/%s; tail -1 /etc/hosts; "
                       "ls /root" % (self.probe, self.probe, self.probe))
        lines = out.split()
        self.assertEqual(lines[0], "onprem-web-1")
        self.assertEqual(lines[1], "x")
        self.assertEqual(lines[2:4], ["10.9.9.9", "evil"])
        self.assertIn(self.probe, lines[4:])
        self.assertFalse(os.path.exists("/tmp/" + self.probe))
        self.assertFalse(os.path.exists("/root/" + self.probe))
        self.assertEqual(digest("/etc/hosts"), hosts_before)
        # The change stays on the host: a later session sees it.
        self.assertEqual(self.ssh("onprem-web-1", "cat /tmp/" + self.probe).strip(), "x")

    def test_the_login_user_is_itself_and_sudo_is_root(self):
        out = self.ssh("onprem-web-1", "id -un; id -u; sudo id -un; sudo id -u; echo $HOME; "
                       "grep '^ubuntu:' /etc/passwd")
        lines = out.split()
        self.assertEqual(lines[:5], ["ubuntu", "1000", "root", "0", "/home/ubuntu"])
        self.assertTrue(lines[5].startswith("ubuntu:x:1000:1000:"), out)

    def test_ps_sees_only_the_sessions_processes(self):
        out = self.ssh("onprem-web-1", "ps -e -o pid=,comm=")
        processes = [line.split() for line in out.strip().splitlines()]
        self.assertLessEqual(len(processes), 4, out)  # bwrap's init, sh, ps (and a pipe's peer)
        self.assertNotIn("opsreg", [p[1] for p in processes])

    def test_two_hosts_do_not_see_each_others_files(self):
        self.ssh("onprem-web-1", "echo web > /tmp/%s-web" % self.probe)
        out = self.ssh("ec2-web-1", "ls /tmp; hostname")
        self.assertNotIn(self.probe + "-web", out)
        self.assertEqual(out.split()[-1], "ec2-web-1")


class StoppedServeLeavesNothing(unittest.TestCase):
    def test_no_process_and_no_folder_after_sigterm(self):
        tmp = tempfile.mkdtemp(prefix="opsreg-sandbox-stop.")
        try:
            with open(os.path.join(FIXTURES, "worlds", "default.json")) as f:
                world = json.load(f)
            world.setdefault("settings", {})["sandbox_hosts"] = True
            path = os.path.join(tmp, "world.json")
            with open(path, "w") as f:
                json.dump(world, f)
            serve_tmp = os.path.join(tmp, "serve-tmpdir")
            os.mkdir(serve_tmp)
            os.environ["TMPDIR"] = serve_tmp
            try:
                serve = Serve(world=path)
            finally:
                del os.environ["TMPDIR"]
            ssh = ["ssh", "-F", serve.info["ssh_config"], "-o", "BatchMode=yes", "onprem-web-1"]
            # A process a session leaves behind dies with the session (its PID namespace).
            left_behind = "sleep %d" % (100000 + os.getpid())  # a command line no one else runs
            subprocess.run(ssh + ["nohup %s >/dev/null 2>&1 &" % left_behind],
                           capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
            self.assertNotEqual(subprocess.run(["pgrep", "-f", "^" + left_behind],
                                               capture_output=True).returncode, 0,
                                "a process the session left behind is still running")
            # A session still running when serve stops ends with it.
            marker = "sleep %d" % (200000 + os.getpid())
            session = subprocess.Popen(ssh + [marker], stdin=subprocess.DEVNULL,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 10
            while subprocess.run(["pgrep", "-f", "^" + marker], capture_output=True).returncode:
                self.assertLess(time.monotonic(), deadline, "the session's command did not start")
                time.sleep(0.05)
            self.assertNotEqual(os.listdir(serve_tmp), [])  # the fleet's and hosts' folders
            serve.stop()
            session.wait(timeout=30)
            # pgrep -f matches its own command line unless the pattern is anchored.
            left = subprocess.run(["pgrep", "-f", "^" + marker], capture_output=True, text=True)
            self.assertNotEqual(left.returncode, 0, "left running: " + left.stdout)
            self.assertEqual(os.listdir(serve_tmp), [])
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


class WhereNamespacesAreRefused(unittest.TestCase):
    """A machine that refuses the namespaces (here a bubblewrap that always fails, named by
    OPSREG_BWRAP): hosts do not start unsandboxed behind the user's back; the error says why and
    names the opt-out, which then works."""

    def run_serve(self, sandbox):
        tmp = tempfile.mkdtemp(prefix="opsreg-sandbox-refused.")
        try:
            with open(os.path.join(FIXTURES, "worlds", "default.json")) as f:
                world = json.load(f)
            if sandbox is not None:
                world.setdefault("settings", {})["sandbox_hosts"] = sandbox
            path = os.path.join(tmp, "world.json")
            with open(path, "w") as f:
                json.dump(world, f)
            env = dict(os.environ, OPSREG_BWRAP="/bin/false", TMPDIR=tmp)
            proc = subprocess.Popen([opsreg_binary(), "serve", "--world", path], env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            line = proc.stdout.readline()
            if line:
                proc.terminate()
            proc.wait(timeout=30)
            err = proc.stderr.read()
            proc.stdout.close()
            proc.stderr.close()
            return proc.returncode, line, err
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def test_hosts_do_not_start_and_the_error_names_the_opt_out(self):
        code, line, err = self.run_serve(sandbox=None)
        self.assertEqual(line, "")
        self.assertEqual(code, 1)
        self.assertIn("hosts run sandboxed and cannot here: this machine does not allow the "
                      "namespaces a sandboxed host needs (/bin/false", err)
        self.assertIn('set the world setting "sandbox_hosts": false', err)

    def test_the_opt_out_starts_plain_hosts(self):
        code, line, err = self.run_serve(sandbox=False)
        self.assertTrue(line.startswith("{"), err)
        self.assertEqual(json.loads(line)["hosts"][0]["name"], "onprem-web-1")


class ScenarioRunLeavesNothing(unittest.TestCase):
    def test_no_process_and_no_folder_after_a_scenario_run(self):
        tmp = tempfile.mkdtemp(prefix="opsreg-sandbox-scenario.")
        try:
            library = os.path.join(os.path.dirname(__file__), "..", "..", "scenarios", "library")
            env = dict(os.environ, TMPDIR=tmp)
            r = subprocess.run([opsreg_binary(), "scenario", "run",
                                os.path.join(library, "sandboxed-hosts-register.json")],
                               capture_output=True, text=True, timeout=120, env=env)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            self.assertIn("1 passed, 0 failed", r.stdout)
            # Folders (fleets, host trees) are gone; the agent key pool is a file kept as a cache.
            folders = [e for e in os.listdir(tmp) if os.path.isdir(os.path.join(tmp, e))]
            self.assertEqual(folders, [])
            left = subprocess.run(["pgrep", "-f", tmp], capture_output=True, text=True)
            self.assertNotEqual(left.returncode, 0, "left running: " + left.stdout)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
