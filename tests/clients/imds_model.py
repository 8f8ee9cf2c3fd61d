"""The EC2 instance metadata service's documented answers, as a model to check against: IMDS has no
botocore model, so this is the "Instance metadata categories" and "Instance identity documents"
pages of the EC2 User Guide written down as data. Each path (a regular expression over the path
after the host) has a kind:

- listing: entries one a line, a sub-folder's entry ending in "/" (the folders at the top, /latest,
  /latest/meta-data/iam/security-credentials' role, list plain names);
- text: one value matching the given expression;
- json: an object whose members have the given types (str, int, iso: an ISO 8601 string; None:
  present, null allowed), every member listed required unless in `optional`.

check(path, body) returns the problems of one answer; kind(path) says how to crawl it."""

import json
import re

HEX_ID = r"[0-9a-f]{8}(?:[0-9a-f]{9})?"
IPV4 = r"(?:\d{1,3}\.){3}\d{1,3}"
DNS = r"[a-z0-9-]+(?:\.[a-z0-9-]+)+"
DEVICE = r"(?:/dev/)?(?:xvd|sd|nvme)[a-z0-9]+"
GROUP_NAME = r"[\w .:/()#,@\[\]+=&;{}!$*-]+"
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")

CREDENTIALS = {"Code": str, "LastUpdated": "iso", "Type": str, "AccessKeyId": str,
               "SecretAccessKey": str, "Token": str, "Expiration": "iso"}
# What a role's credentials path holds when IMDS cannot get them ("AssumeRoleUnauthorizedAccess").
FAILED_CREDENTIALS = {"Code": str, "LastUpdated": "iso", "Message": str}

# path expression -> (kind, detail)
CATEGORIES = [
    (r"/latest", ("listing", None)),
    (r"/latest/meta-data", ("listing", None)),
    (r"/latest/meta-data/ami-id", ("text", r"ami-" + HEX_ID)),
    (r"/latest/meta-data/ami-launch-index", ("text", r"\d+")),
    (r"/latest/meta-data/block-device-mapping", ("listing", None)),
    (r"/latest/meta-data/block-device-mapping/(ami|root)", ("text", DEVICE)),
    (r"/latest/meta-data/block-device-mapping/(ebs|ephemeral)\d+", ("text", DEVICE)),
    (r"/latest/meta-data/hostname", ("text", DNS)),
    (r"/latest/meta-data/local-hostname", ("text", DNS)),
    (r"/latest/meta-data/public-hostname", ("text", DNS)),
    (r"/latest/meta-data/instance-id", ("text", r"i-" + HEX_ID)),
    (r"/latest/meta-data/instance-type", ("text", r"[a-z][a-z0-9-]*\.[a-z0-9]+")),
    (r"/latest/meta-data/local-ipv4", ("text", IPV4)),
    (r"/latest/meta-data/public-ipv4", ("text", IPV4)),
    (r"/latest/meta-data/mac", ("text", r"(?:[0-9a-f]{2}:){5}[0-9a-f]{2}")),
    (r"/latest/meta-data/placement", ("listing", None)),
    (r"/latest/meta-data/placement/availability-zone", ("text", r"[a-z]{2}(?:-[a-z]+)+-\d[a-z]")),
    (r"/latest/meta-data/placement/region", ("text", r"[a-z]{2}(?:-[a-z]+)+-\d")),
    (r"/latest/meta-data/reservation-id", ("text", r"r-" + HEX_ID)),
    (r"/latest/meta-data/security-groups", ("text", GROUP_NAME + r"(\n" + GROUP_NAME + ")*")),
    (r"/latest/meta-data/iam", ("listing", None)),
    (r"/latest/meta-data/iam/info", ("json", {"Code": str, "LastUpdated": "iso",
                                              "InstanceProfileArn": str,
                                              "InstanceProfileId": str})),
    (r"/latest/meta-data/iam/security-credentials", ("listing", None)),
    (r"/latest/meta-data/iam/security-credentials/[\w+=,.@-]+", ("json", CREDENTIALS)),
    (r"/latest/dynamic", ("listing", None)),
    (r"/latest/dynamic/instance-identity", ("listing", None)),
    (r"/latest/dynamic/instance-identity/document", ("json", {
        "accountId": str, "architecture": str, "availabilityZone": str, "billingProducts": None,
        "devpayProductCodes": None, "marketplaceProductCodes": None, "imageId": str,
        "instanceId": str, "instanceType": str, "kernelId": None, "pendingTime": "iso",
        "privateIp": str, "ramdiskId": None, "region": str, "version": str})),
    (r"/latest/dynamic/instance-identity/signature", ("text", r"[A-Za-z0-9+/=\n]+")),
]


def _category(path):
    for expression, what in CATEGORIES:
        if re.fullmatch(expression, path):
            return what
    return None


def kind(path):
    """"listing", "text", "json", or None for a path no documented category names."""
    what = _category(path)
    return what[0] if what else None


def _check_json(path, body, members):
    try:
        value = json.loads(body)
    except ValueError as e:
        return [f"{path}: not JSON ({e})"]
    if not isinstance(value, dict):
        return [f"{path}: not a JSON object"]
    problems = []
    if members is CREDENTIALS and value.get("Code") != "Success":
        members = FAILED_CREDENTIALS
    for name, want in members.items():
        if name not in value:
            problems.append(f"{path}.{name}: missing")
        elif want == "iso":
            if not isinstance(value[name], str) or not ISO.match(value[name]):
                problems.append(f"{path}.{name}: {value[name]!r} is not an ISO 8601 UTC time")
        elif want is not None and not isinstance(value[name], want):
            problems.append(f"{path}.{name}: {value[name]!r} is not a {want.__name__}")
    for name in value:
        if name not in members:
            problems.append(f"{path}.{name}: not a documented member")
    return problems


def check(path, body):
    """The problems of the answer `body` (text) at `path`; [] when it is as documented."""
    what = _category(path)
    if what is None:
        return [f"{path}: not a documented metadata category"]
    kind_, detail = what
    if kind_ == "listing":
        entries = body.split("\n")
        if not body or any(not re.fullmatch(r"[\w.+=,@-]+/?", e) for e in entries):
            return [f"{path}: a listing must be names one a line, got {body[:80]!r}"]
        if len(set(entries)) != len(entries):
            return [f"{path}: a listing names an entry twice"]
        return []
    if kind_ == "text":
        return [] if re.fullmatch(detail, body) else [f"{path}: {body[:80]!r} is not {detail}"]
    return _check_json(path, body, detail)
