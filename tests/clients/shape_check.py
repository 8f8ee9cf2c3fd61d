"""Checks one raw AWS answer (status, headers, body bytes) against a botocore service model, the way
the model and the protocol define it rather than the way a lenient parser reads it: every element
or key must be a member of its shape, members the model marks required must be there, scalars must
have their type (integers, booleans, timestamps in the protocol's format, base64 blobs), strings
their enum values, lengths and patterns, lists and maps their wrappers. Errors are checked against
the protocol's error envelope and the service's error codes.

check_answer(operation_model, status, headers, body) returns a list of problems, each naming the
path of the member ("GetUserResult.User.CreateDate: ...")."""

import base64
import json
import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

ISO8601 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")
RFC822 = re.compile(r"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$")
INTEGER = re.compile(r"^-?\d+$")
NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$")

# Error codes any operation of a query or EC2 service may answer (the "Common Errors" pages of the
# IAM, STS and EC2 API references), besides the ones the model lists.
COMMON_ERRORS = {
    "AccessDenied", "AccessDeniedException", "IncompleteSignature", "InternalFailure",
    "InvalidAction", "InvalidClientTokenId", "InvalidParameterCombination",
    "InvalidParameterValue", "InvalidQueryParameter", "MalformedQueryString", "MissingAction",
    "MissingAuthenticationToken", "MissingParameter", "NotAuthorized", "OptInRequired",
    "RequestExpired", "ServiceUnavailable", "Throttling", "ThrottlingException",
    "ValidationError", "SignatureDoesNotMatch", "ExpiredToken", "AuthFailure",
    "UnauthorizedOperation", "RequestLimitExceeded", "InvalidParameter",
    "RequestEntityTooLarge", "InternalError", "UnknownOperationException",
    "UnrecognizedClientException", "IncompleteSignatureException", "InvalidSignatureException",
    "MissingAuthenticationTokenException", "ExpiredTokenException", "SerializationException",
}


def _local(tag):
    return tag.rsplit("}", 1)[-1]


class _Checker:
    def __init__(self, protocol):
        self.protocol = protocol
        self.problems = []

    def fail(self, path, what):
        self.problems.append(f"{path}: {what}")

    # --- scalars, shared by XML text and JSON values -------------------------------------------

    def string(self, path, shape, text):
        meta = shape.metadata
        if shape.enum and text not in shape.enum:
            self.fail(path, f"{text!r} is not one of the enum's values {shape.enum}")
        if "min" in meta and len(text) < meta["min"]:
            self.fail(path, f"{text!r} is shorter than the model's min {meta['min']}")
        if "max" in meta and len(text) > meta["max"]:
            self.fail(path, f"{len(text)} characters, more than the model's max {meta['max']}")
        pattern = meta.get("pattern")
        if pattern:
            try:
                compiled = re.compile(pattern)
            except re.error:
                compiled = None  # a Java-only construct; the other checks still apply
            if compiled and not compiled.fullmatch(text):
                self.fail(path, f"{text!r} does not match the model's pattern {pattern}")

    def number_range(self, path, shape, value):
        meta = shape.metadata
        if "min" in meta and value < meta["min"]:
            self.fail(path, f"{value} is below the model's min {meta['min']}")
        if "max" in meta and value > meta["max"]:
            self.fail(path, f"{value} is above the model's max {meta['max']}")

    def timestamp_text(self, path, shape, text, default_format):
        fmt = shape.serialization.get("timestampFormat", default_format)
        if fmt == "iso8601" and not ISO8601.match(text):
            self.fail(path, f"{text!r} is not an ISO 8601 timestamp")
        elif fmt == "rfc822":
            if not RFC822.match(text):
                self.fail(path, f"{text!r} is not an RFC 822 (HTTP) date")
            else:
                parsedate_to_datetime(text)
        elif fmt == "unixTimestamp" and not NUMBER.match(text):
            self.fail(path, f"{text!r} is not epoch seconds")

    def scalar_text(self, path, shape, text, timestamp_format="iso8601"):
        kind = shape.type_name
        if kind == "string":
            self.string(path, shape, text)
        elif kind in ("integer", "long"):
            if not INTEGER.match(text):
                self.fail(path, f"{text!r} is not an integer")
            else:
                self.number_range(path, shape, int(text))
        elif kind in ("float", "double"):
            if not NUMBER.match(text):
                self.fail(path, f"{text!r} is not a number")
        elif kind == "boolean":
            if text not in ("true", "false"):
                self.fail(path, f"{text!r} is not true or false")
        elif kind == "timestamp":
            self.timestamp_text(path, shape, text, timestamp_format)
        elif kind == "blob":
            try:
                base64.b64decode(text, validate=True)
            except ValueError:
                self.fail(path, "is not base64")
        else:
            self.fail(path, f"holds text but the model says {kind}")

    # --- XML (query, ec2, rest-xml) -------------------------------------------------------------

    def xml_name(self, member_name, member_shape):
        if member_shape.type_name == "list" and member_shape.serialization.get("flattened"):
            name = member_shape.member.serialization.get("name")
            if name:
                return name
        return member_shape.serialization.get("name", member_name)

    def xml_value(self, path, shape, elements):
        """`elements`: the XML elements that hold this member (several for a flattened list)."""
        kind = shape.type_name
        if kind == "list" and shape.serialization.get("flattened"):
            for i, el in enumerate(elements):
                self.xml_value(f"{path}[{i}]", shape.member, [el])
            return
        if len(elements) > 1:
            self.fail(path, f"appears {len(elements)} times; the model has one")
        el = elements[0]
        if kind == "structure":
            self.xml_structure(path, shape, el)
        elif kind == "list":
            item = shape.member.serialization.get("name", "member")
            for i, child in enumerate(el):
                if _local(child.tag) != item:
                    self.fail(f"{path}.{_local(child.tag)}", f"a list's item must be <{item}>")
                else:
                    self.xml_value(f"{path}[{i}]", shape.member, [child])
            self.no_text(path, el)
        elif kind == "map":
            self.xml_map(path, shape, el)
        else:
            if len(el):
                self.fail(path, f"a {kind} with child elements")
            self.scalar_text(path, shape, el.text or "")

    def xml_map(self, path, shape, el):
        flattened = shape.serialization.get("flattened")
        key_name = shape.key.serialization.get("name", "key")
        value_name = shape.value.serialization.get("name", "value")
        entries = [el] if flattened else list(el)
        for entry in entries:
            if not flattened and _local(entry.tag) != "entry":
                self.fail(f"{path}.{_local(entry.tag)}", "a map's entries must be <entry>")
                continue
            names = [_local(c.tag) for c in entry]
            if sorted(names) != sorted([key_name, value_name]):
                self.fail(path, f"a map entry holds <{key_name}> and <{value_name}>, not {names}")
                continue
            for c in entry:
                sub = shape.key if _local(c.tag) == key_name else shape.value
                self.xml_value(f"{path}.{_local(c.tag)}", sub, [c])

    def no_text(self, path, el):
        if (el.text or "").strip():
            self.fail(path, f"text {el.text.strip()[:40]!r} beside child elements")

    def xml_structure(self, path, shape, el, ignore=()):
        by_name = {}
        for member_name, member_shape in shape.members.items():
            if member_shape.serialization.get("location"):
                continue  # headers and status codes, checked by check_rest_headers
            by_name[self.xml_name(member_name, member_shape)] = (member_name, member_shape)
        seen = {}
        for child in el:
            name = _local(child.tag)
            if name in ignore:
                continue
            if name not in by_name:
                self.fail(f"{path}.{name}", f"is not a member of {shape.name}")
                continue
            seen.setdefault(name, []).append(child)
        self.no_text(path, el)
        for name, children in seen.items():
            member_name, member_shape = by_name[name]
            self.xml_value(f"{path}.{member_name}", member_shape, children)
        present = {by_name[n][0] for n in seen}
        for required in shape.required_members:
            member = shape.members[required]
            if required not in present and not member.serialization.get("location"):
                self.fail(f"{path}.{required}", f"required by {shape.name}, missing")

    # --- JSON (json, rest-json) -----------------------------------------------------------------

    def json_value(self, path, shape, value):
        kind = shape.type_name
        if kind == "structure":
            if not isinstance(value, dict):
                return self.fail(path, f"must be an object, got {type(value).__name__}")
            names = {m.serialization.get("name", n): (n, m) for n, m in shape.members.items()}
            for key, sub in value.items():
                if key not in names:
                    self.fail(f"{path}.{key}", f"is not a member of {shape.name}")
                elif sub is not None:
                    self.json_value(f"{path}.{names[key][0]}", names[key][1], sub)
            for required in shape.required_members:
                if value.get(shape.members[required].serialization.get("name", required)) is None:
                    self.fail(f"{path}.{required}", f"required by {shape.name}, missing")
        elif kind == "list":
            if not isinstance(value, list):
                return self.fail(path, f"must be an array, got {type(value).__name__}")
            for i, item in enumerate(value):
                self.json_value(f"{path}[{i}]", shape.member, item)
        elif kind == "map":
            if not isinstance(value, dict):
                return self.fail(path, f"must be an object, got {type(value).__name__}")
            for k, v in value.items():
                self.string(f"{path}<key>", shape.key, k)
                self.json_value(f"{path}.{k}", shape.value, v)
        elif kind == "string":
            if not isinstance(value, str):
                return self.fail(path, f"must be a string, got {type(value).__name__}")
            self.string(path, shape, value)
        elif kind in ("integer", "long"):
            if not isinstance(value, int) or isinstance(value, bool):
                return self.fail(path, f"must be an integer, got {value!r}")
            self.number_range(path, shape, value)
        elif kind in ("float", "double"):
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                self.fail(path, f"must be a number, got {value!r}")
        elif kind == "boolean":
            if not isinstance(value, bool):
                self.fail(path, f"must be true or false, got {value!r}")
        elif kind == "timestamp":
            fmt = shape.serialization.get("timestampFormat", "unixTimestamp")
            if fmt == "unixTimestamp":
                if not isinstance(value, (int, float)) or isinstance(value, bool):
                    self.fail(path, f"must be epoch seconds, got {value!r}")
            else:
                self.timestamp_text(path, shape, str(value), fmt)
        elif kind == "blob":
            if not isinstance(value, str):
                return self.fail(path, "must be a base64 string")
            self.scalar_text(path, shape, value)

    # --- REST headers ---------------------------------------------------------------------------

    def rest_headers(self, shape, status, headers):
        lower = {k.lower(): v for k, v in headers.items()}
        for name, member in shape.members.items():
            where = member.serialization.get("location")
            if where == "header":
                header = member.serialization.get("name", name).lower()
                if header in lower:
                    self.scalar_text(f"header {header}", member, lower[header], "rfc822")
                elif name in shape.required_members:
                    self.fail(f"header {header}", f"required by {shape.name}, missing")
            elif where == "statusCode" and not 100 <= status < 600:
                self.fail(name, f"status {status}")


def _xml(checker, body, what):
    try:
        return ET.fromstring(body)
    except ET.ParseError as e:
        checker.fail(what, f"is not well-formed XML ({e})")
        return None


def _operation_root(checker, operation, body):
    """The XML answer's root, which query and EC2 name <OperationResponse>, and that name."""
    want = f"{operation.name}Response"
    root = _xml(checker, body, "body")
    if root is not None and _local(root.tag) != want:
        checker.fail(_local(root.tag), f"the root must be <{want}>")
    return root, want


def _check_success(operation, status, headers, body, checker):
    protocol = checker.protocol
    output = operation.output_shape
    if not 200 <= status < 300:
        checker.fail("status", f"{status} for a success")
    if protocol == "query":
        root, want = _operation_root(checker, operation, body)
        if root is None:
            return
        namespace = operation.service_model.metadata.get("xmlNamespace")
        if namespace and not root.tag.startswith("{" + namespace + "}"):
            checker.fail(want, f"not in the namespace {namespace}")
        wrapper = output.serialization.get("resultWrapper") if output else None
        names = [_local(c.tag) for c in root]
        if "ResponseMetadata" not in names:
            checker.fail(want, "has no ResponseMetadata")
        for child in root:
            name = _local(child.tag)
            if name == "ResponseMetadata":
                kids = [_local(c.tag) for c in child]
                if kids != ["RequestId"]:
                    checker.fail("ResponseMetadata", f"must hold RequestId only, holds {kids}")
            elif wrapper and name == wrapper:
                checker.xml_structure(wrapper, output, child)
            else:
                checker.fail(f"{want}.{name}", "is neither the result nor ResponseMetadata")
        if wrapper and wrapper not in names:
            checker.fail(want, f"has no <{wrapper}>")
    elif protocol == "ec2":
        root, want = _operation_root(checker, operation, body)
        if root is None:
            return
        if "requestId" not in [_local(c.tag) for c in root]:
            checker.fail(want, "has no requestId")
        if output is not None:
            checker.xml_structure(want, output, root, ignore=("requestId",))
    elif protocol == "rest-xml":
        if output is None:
            return
        checker.rest_headers(output, status, headers)
        payload = output.serialization.get("payload")
        if payload:
            member = output.members[payload]
            if member.type_name == "structure" and body:
                root = _xml(checker, body, payload)
                if root is not None:
                    want = member.serialization.get("name", member.name)
                    if _local(root.tag) != want:
                        checker.fail(_local(root.tag), f"the root must be <{want}>")
                    checker.xml_structure(payload, member, root)
            return  # a blob or string payload is the body itself
        has_body = any(not m.serialization.get("location") for m in output.members.values())
        if has_body and body:
            root = _xml(checker, body, "body")
            if root is not None:
                checker.xml_structure(_local(root.tag), output, root)
        elif has_body and operation.http.get("method") != "HEAD":
            checker.fail("body", f"empty, but {output.name} has body members")
    elif protocol == "json":
        try:
            value = json.loads(body or b"{}")
        except ValueError as e:
            return checker.fail("body", f"is not JSON ({e})")
        if output is None:
            if value != {}:
                checker.fail("body", "must be {} for an operation without output")
        else:
            checker.json_value(output.name, output, value)


def _service_errors(service_model):
    """{error code: the HTTP status the model gives it, or None}."""
    errors = {}
    for shape_name in service_model.shape_names:
        shape = service_model.shape_for(shape_name)
        if shape.metadata.get("exception"):
            error = shape.metadata.get("error", {})
            errors[shape.error_code or shape_name] = error.get("httpStatusCode")
    return errors


def _check_error(operation, status, headers, body, checker, extra_codes):
    protocol = checker.protocol
    service = operation.service_model
    modeled = _service_errors(service)
    known = set(modeled) | COMMON_ERRORS | set(extra_codes)
    if not 400 <= status < 600:
        checker.fail("status", f"{status} for an error")
    code = None
    if protocol == "query":
        root = _xml(checker, body, "error body")
        if root is None:
            return None
        if _local(root.tag) != "ErrorResponse":
            checker.fail(_local(root.tag), "an error's root must be <ErrorResponse>")
        kids = [_local(c.tag) for c in root]
        if kids != ["Error", "RequestId"]:
            checker.fail("ErrorResponse", f"must hold Error then RequestId, holds {kids}")
        error = root.find("{*}Error")
        if error is not None:
            parts = {_local(c.tag): (c.text or "") for c in error}
            extra = set(parts) - {"Type", "Code", "Message"}
            if extra:
                checker.fail("Error", f"unexpected {sorted(extra)}")
            if parts.get("Type") not in ("Sender", "Receiver"):
                checker.fail("Error.Type", f"{parts.get('Type')!r} is not Sender or Receiver")
            code = parts.get("Code")
    elif protocol == "ec2":
        root = _xml(checker, body, "error body")
        if root is None:
            return None
        kids = [_local(c.tag) for c in root]
        if _local(root.tag) != "Response" or kids != ["Errors", "RequestID"]:
            checker.fail(_local(root.tag),
                         f"an EC2 error is <Response><Errors/><RequestID/>, got {kids}")
        error = root.find("Errors/Error")
        if error is not None:
            parts = {_local(c.tag): (c.text or "") for c in error}
            if sorted(parts) != ["Code", "Message"]:
                checker.fail("Errors.Error", f"must hold Code and Message, holds {sorted(parts)}")
            code = parts.get("Code")
        known |= EC2_ERROR_CODES
    elif protocol == "rest-xml":
        if not body:
            return str(status)  # a HEAD's error has no body: its status is all there is
        root = _xml(checker, body, "error body")
        if root is None:
            return None
        if _local(root.tag) != "Error":
            checker.fail(_local(root.tag), "an S3 error's root must be <Error>")
        parts = {_local(c.tag): (c.text or "") for c in root}
        for needed in ("Code", "Message", "RequestId"):
            if needed not in parts:
                checker.fail(f"Error.{needed}", "missing")
        code = parts.get("Code")
        known |= S3_ERROR_CODES
    elif protocol == "json":
        try:
            value = json.loads(body)
        except ValueError as e:
            checker.fail("error body", f"is not JSON ({e})")
            return None
        raw = value.get("__type", "")
        code = raw.rsplit("#", 1)[-1]
        message_keys = [k for k in value if k.lower() == "message"]
        if not message_keys:
            checker.fail("error body", "has no message")
        extra = set(value) - {"__type", "message", "Message"}
        if extra:
            checker.fail("error body", f"unexpected keys {sorted(extra)}")
    if code is not None and code not in known:
        checker.fail("error code", f"{code!r} is neither an error of the {service.service_name} "
                     "model nor a common error")
    if modeled.get(code) and modeled[code] != status:
        checker.fail("status", f"{status}, but the model gives {code} {modeled[code]}")
    return code


# The error codes of the EC2 API reference's "Error codes" page the fakes answer (the EC2 model
# names no error shapes at all).
EC2_ERROR_CODES = {
    "DryRunOperation", "InvalidAddress.NotFound", "InvalidAllocationID.Malformed",
    "InvalidAllocationID.NotFound", "InvalidInstanceID.Malformed", "InvalidInstanceID.NotFound",
    "InvalidVolume.NotFound", "InvalidVolumeID.Malformed", "InvalidFilter", "InvalidID",
}


# The error codes of the S3 API reference's error list the fakes answer (the model names only a
# few of them as shapes).
S3_ERROR_CODES = {
    "AccessDenied", "BucketAlreadyExists", "BucketAlreadyOwnedByYou", "BucketNotEmpty",
    "EntityTooLarge", "EntityTooSmall", "InvalidArgument", "InvalidBucketName", "InvalidDigest",
    "InvalidPart", "InvalidPartOrder", "InvalidRange", "InvalidRequest", "MalformedXML",
    "MethodNotAllowed", "MissingContentLength", "NoSuchBucket", "NoSuchKey", "NoSuchUpload",
    "NotImplemented", "PreconditionFailed", "RequestTimeTooSkewed", "SignatureDoesNotMatch",
    "InvalidAccessKeyId", "BadDigest", "XAmzContentSHA256Mismatch", "KeyTooLongError",
    "AuthorizationHeaderMalformed", "ExpiredToken", "InvalidToken", "IncompleteBody",
}


def check_answer(operation, status, headers, body, extra_error_codes=()):
    """Problems of one answer to `operation` (a botocore OperationModel); [] when it conforms.
    An answer with status >= 400 is checked as an error, anything else as the output."""
    checker = _Checker(operation.service_model.metadata["protocol"])
    if status >= 400:
        _check_error(operation, status, headers, body, checker, extra_error_codes)
    else:
        _check_success(operation, status, headers, body, checker)
    return checker.problems


def error_code(operation, status, body):
    """The error code of an error answer, as the protocol carries it (a HEAD's is its status)."""
    checker = _Checker(operation.service_model.metadata["protocol"])
    return _check_error(operation, status, {}, body, checker, ())
