"""Soak test: `opsreg serve` of the default world under mixed load for a fixed time, with about
10% of AWS requests faulted (errors, HTTP statuses, dropped connections, latency), from outside:
several boto3 clients call IAM, STS, S3, EC2 and OpsWorks while stock `ssh` logs in to the hosts
and idle TCP connections come and go on their SSH ports. Serve must never exit; after warm-up
its RSS stays flat; once the load stops its threads, file descriptors and child processes come
back to what they were; after SIGINT it exits 0 and leaves nothing in its temporary directory.

    python3 tests/soak/soak.py --opsreg build/opsreg [--seconds 45] [--clients 6]

Prints the figures and "N passed, N failed" for its checks; exits 1 on any failure.
Loopback only; every loop is bounded by --seconds."""

import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "clients"))
import opsreg_serve  # noqa: E402
from botocore.exceptions import BotoCoreError, ClientError  # noqa: E402

# About 10% of the requests to each service meet a fault: 4% an AWS error, 2% a bare 503,
# 2% a dropped connection, 2% latency (the world's clock moves, no real wait).
FAULTS = [rule for service in ("iam", "sts", "s3", "ec2", "opsworks") for rule in (
    {"service": service, "error": "InternalFailure" if service != "s3" else "InternalError",
     "probability": 0.04},
    {"service": service, "status": 503, "probability": 0.02},
    {"service": service, "drop_connection": True, "probability": 0.02},
    {"service": service, "latency": "50ms", "probability": 0.02},
)]
MIB = 1024 * 1024


def proc_figures(pid):
    """RSS (bytes), threads, open fds and descendant processes of `pid`, from /proc."""
    rss = threads = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) * 1024
            elif line.startswith("Threads:"):
                threads = int(line.split()[1])
    fds = len(os.listdir(f"/proc/{pid}/fd"))
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    stat = f.read()
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    family, grew = {pid}, True
    while grew:
        more = {p for p, parent in parents.items() if parent in family} - family
        family |= more
        grew = bool(more)
    return {"rss": rss, "threads": threads, "fds": fds, "children": len(family) - 1}


class Counters:
    def __init__(self):
        self.lock = threading.Lock()
        self.values = {}

    def add(self, name, n=1):
        with self.lock:
            self.values[name] = self.values.get(name, 0) + n


def aws_client_loop(serve, index, deadline, counters):
    """One client's mix of calls until the deadline; every outcome is counted. The clients retry
    once (opsreg_serve's config), so most injected faults are absorbed by a retry."""
    rng = random.Random(index)
    clients = {s: serve.client(s) for s in ("iam", "sts", "s3", "ec2", "opsworks")}
    for client in clients.values():
        client.meta.events.register("before-send", unlogged)
    bucket = f"soak-{index}"
    calls = [
        ("iam", lambda c: c.list_users()),
        ("iam", lambda c: c.get_user(UserName=f"soak-user-{index}")),
        ("iam", lambda c: c.create_user(UserName=f"soak-user-{index}")),
        ("iam", lambda c: c.delete_user(UserName=f"soak-user-{index}")),
        ("sts", lambda c: c.get_caller_identity()),
        ("s3", lambda c: c.create_bucket(Bucket=bucket)),
        ("s3", lambda c: c.put_object(Bucket=bucket, Key=f"k{rng.randrange(8)}",
                                      Body=os.urandom(rng.randrange(1, 64 * 1024)))),
        ("s3", lambda c: c.get_object(Bucket=bucket, Key=f"k{rng.randrange(8)}")["Body"].read()),
        ("s3", lambda c: c.list_objects_v2(Bucket=bucket)),
        ("ec2", lambda c: c.describe_instances()),
        ("ec2", lambda c: c.describe_volumes()),
        ("opsworks", lambda c: c.describe_stacks()),
        ("opsworks", lambda c: c.describe_instances(StackId=stack_id(c))),
    ]
    while time.monotonic() < deadline:
        service, call = rng.choice(calls)
        counters.add("requests")
        try:
            call(clients[service])
            counters.add("ok")
        except ClientError as e:
            code = e.response.get("Error", {}).get("Code", "")
            status = e.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
            injected = code in ("InternalFailure", "InternalError") or status == 503
            counters.add("faults_seen" if injected else "errors_expected")
        except BotoCoreError:  # a dropped connection
            counters.add("faults_seen")


def unlogged(request, **_):
    """Marks a request as a check's own (X-Opsreg-Check, unsigned): serve's request log, which
    keeps the last 100000 requests by design (about 1 KiB each), leaves it out, so that the log
    filling up does not read as growth in a soak of minutes."""
    request.headers["X-Opsreg-Check"] = "soak"


def stack_id(opsworks):
    stacks = opsworks.describe_stacks()["Stacks"]
    return stacks[0]["StackId"] if stacks else "none"


def ssh_loop(serve, deadline, counters):
    """Stock ssh logins to the hosts, in turn, until the deadline."""
    hosts = [h["name"] for h in serve.info["hosts"] if h["ssh_private_key"]]
    i = 0
    while time.monotonic() < deadline:
        host = hosts[i % len(hosts)]
        i += 1
        r = subprocess.run(["ssh", "-F", serve.info["ssh_config"], "-o", "BatchMode=yes",
                            "-o", "ConnectTimeout=20", host, "hostname"],
                           capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
        counters.add("ssh_logins")
        if r.returncode == 0 and r.stdout.strip() == host:
            counters.add("ssh_ok")
        else:
            counters.add("ssh_failed")
            print("ssh", host, "failed:", r.returncode, r.stderr.strip()[-200:], flush=True)


def idle_ssh_loop(serve, deadline, counters):
    """TCP connections to the hosts' SSH ports that send nothing and are closed by us later."""
    ports = [h["ssh_port"] for h in serve.info["hosts"]]
    held = []
    rng = random.Random(7)
    while time.monotonic() < deadline:
        s = socket.create_connection(("127.0.0.1", rng.choice(ports)), timeout=10)
        held.append(s)
        counters.add("idle_connections")
        if len(held) > 20:
            held.pop(0).close()
        time.sleep(0.2)
    for s in held:
        s.close()


def settle(pid, baseline, keys, timeout):
    """Figures once `keys` are back to at most the baseline (or the last ones at the timeout)."""
    end = time.monotonic() + timeout
    while True:
        now = proc_figures(pid)
        if all(now[k] <= baseline[k] for k in keys) or time.monotonic() > end:
            return now
        time.sleep(0.25)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--opsreg", required=True)
    parser.add_argument("--seconds", type=float, default=45)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--no-rss-check", action="store_true",
                        help="for a sanitizer build, whose quarantine holds freed memory (its "
                             "leak check at exit stands in)")
    args = parser.parse_args()
    opsreg_serve._OPSREG = args.opsreg
    os.environ.setdefault("AWS_DATA_PATH", os.path.join(
        os.path.dirname(__file__), "..", "..", "fixtures", "aws-models"))

    tmp = tempfile.mkdtemp(prefix="opsreg-soak.")
    os.environ["TMPDIR"] = tmp  # all that serve makes goes here, and must be gone after it
    checks = []

    def check(name, ok, detail=""):
        checks.append(ok)
        print(("ok     " if ok else "FAILED ") + name + (f" ({detail})" if detail else ""),
              flush=True)

    serve = opsreg_serve.Serve()
    pid = serve.proc.pid
    try:
        idle = proc_figures(pid)
        serve.admin("POST", "faults", FAULTS)
        counters = Counters()
        start = time.monotonic()
        deadline = start + args.seconds
        threads = [threading.Thread(target=aws_client_loop, args=(serve, i, deadline, counters))
                   for i in range(args.clients)]
        threads.append(threading.Thread(target=ssh_loop, args=(serve, deadline, counters)))
        threads.append(threading.Thread(target=idle_ssh_loop, args=(serve, deadline, counters)))
        for t in threads:
            t.start()
        warm_up = start + max(5.0, args.seconds * 0.25)
        warm_rss, peak = None, dict(idle)
        series, next_mark = [], start
        alive = True
        while time.monotonic() < deadline:
            if serve.proc.poll() is not None:
                alive = False
                break
            now = proc_figures(pid)
            peak = {k: max(peak[k], now[k]) for k in now}
            if warm_rss is None and time.monotonic() >= warm_up:
                warm_rss = now["rss"]
            if time.monotonic() >= next_mark:  # ten samples over the run
                series.append(now["rss"] / MIB)
                next_mark += args.seconds / 10
            time.sleep(0.5)
        for t in threads:
            t.join()
        check("serve ran throughout", alive and serve.proc.poll() is None)
        if not alive:
            return 1
        # What the edge saw and injected: every request to a service is seen by its first rule.
        state = serve.admin("GET", "faults")["rules"]
        received = sum(r["seen"] for r in state if (r["id"] - 1) % 4 == 0)
        injected = sum(r["hits"] for r in state)
        serve.admin("DELETE", "faults")
        rules = counters.values
        after = settle(pid, idle, ("threads", "fds", "children"), 20)
        end_rss = after["rss"]
        warm_rss = warm_rss or end_rss
        requests = rules.get("requests", 0)
        faults = rules.get("faults_seen", 0)
        print(f"requests {requests} (ok {rules.get('ok', 0)}, faults past one retry {faults}, "
              f"other errors {rules.get('errors_expected', 0)}); edge received {received}, "
              f"faults injected {injected}; ssh logins "
              f"{rules.get('ssh_logins', 0)} (failed {rules.get('ssh_failed', 0)}); idle "
              f"connections {rules.get('idle_connections', 0)}; {args.seconds:.0f} s, "
              f"{args.clients} clients")
        print(f"rss MiB: idle {idle['rss'] / MIB:.1f}, warm-up {warm_rss / MIB:.1f}, "
              f"peak {peak['rss'] / MIB:.1f}, end {end_rss / MIB:.1f}; over the run: "
              + " ".join(f"{m:.1f}" for m in series))
        for k in ("threads", "fds", "children"):
            print(f"{k}: idle {idle[k]}, peak {peak[k]}, after load {after[k]}")
        check("requests were made", requests > 0 and rules.get("ok", 0) > 0)
        share = injected / received if received else 0
        check("about 10% of requests met a fault", 0.05 <= share <= 0.2, f"{share:.1%}")
        check("ssh logins succeeded", rules.get("ssh_ok", 0) > 0 and
              rules.get("ssh_failed", 0) == 0)
        if args.no_rss_check:
            print("skip   RSS flat after warm-up (--no-rss-check; not counted)")
        else:
            check("RSS flat after warm-up", end_rss <= warm_rss * 1.2 + 8 * MIB,
                  f"{warm_rss / MIB:.1f} -> {end_rss / MIB:.1f} MiB")
        for k in ("threads", "fds", "children"):
            check(f"{k} back to idle", after[k] <= idle[k], f"{idle[k]} -> {after[k]}")
    finally:
        if serve.proc.poll() is None:
            serve.proc.send_signal(signal.SIGINT)
        try:
            rc = serve.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            serve.proc.kill()
            rc = serve.proc.wait()
        err = serve.proc.stderr.read()
        serve.proc.stdout.close()
        serve.proc.stderr.close()
        left = sorted(os.listdir(tmp))
        shutil.rmtree(tmp, ignore_errors=True)
    check("serve exited 0 on SIGINT", rc == 0, f"exit {rc}")
    if rc != 0:
        print(err[-4000:])
    check("its temporary files are gone", not left, ", ".join(left[:5]))
    failed = checks.count(False)
    print(f"{len(checks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
