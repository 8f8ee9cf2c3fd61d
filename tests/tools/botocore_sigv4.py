#!/usr/bin/env python3
"""Signs a table of requests with botocore, for the SigV4 conformance unit test.

Reads JSON from the file named as the only argument:
  {"now": "20260101T000000Z", "access_key": ..., "secret_key": ..., "token": "" ,
   "cases": [{"name", "kind": "header"|"presign", "method", "host", "path" (as sent,
              percent-encoded), "query" (as sent), "headers": [[name, value], ...],
              "body_b64", "service", "region", "expires", "token" (optional, overrides)}]}
Writes JSON to stdout: {"results": [{"name", "authorization"} or {"name", "query"}]}
where "query" is the presigned URL's query string. Signing uses botocore's own signers:
SigV4Auth, S3SigV4Auth (service s3), SigV4QueryAuth and S3SigV4QueryAuth (presign), with
the clock frozen at "now".
"""
import base64
import datetime
import json
import sys
from urllib.parse import urlsplit

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    now = datetime.datetime.strptime(spec["now"], "%Y%m%dT%H%M%SZ")
    botocore.auth.get_current_datetime = lambda *a, **k: now
    results = []
    for case in spec["cases"]:
        token = case.get("token", spec.get("token")) or None
        creds = Credentials(spec["access_key"], spec["secret_key"], token)
        url = "http://" + case["host"] + case["path"]
        if case["query"]:
            url += "?" + case["query"]
        body = base64.b64decode(case["body_b64"])
        request = AWSRequest(method=case["method"], url=url, data=body)
        for name, value in case["headers"]:
            request.headers[name] = value  # appends: repeated names stay repeated
        s3 = case["service"] == "s3"
        if case["kind"] == "presign":
            cls = botocore.auth.S3SigV4QueryAuth if s3 else botocore.auth.SigV4QueryAuth
            cls(creds, case["service"], case["region"], expires=case["expires"]).add_auth(request)
            results.append({"name": case["name"], "query": urlsplit(request.url).query})
        else:
            cls = botocore.auth.S3SigV4Auth if s3 else botocore.auth.SigV4Auth
            cls(creds, case["service"], case["region"]).add_auth(request)
            results.append({"name": case["name"], "authorization": request.headers["Authorization"]})
    json.dump({"results": results}, sys.stdout)


if __name__ == "__main__":
    main()
