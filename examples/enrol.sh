#!/usr/bin/env bash
# enrol.sh: enrols an on-premises host into an OpsWorks stack, the way teams' own tooling does
# it (bash + AWS CLI + ssh): a temporary IAM user allowed only opsworks:RegisterInstance for 15
# minutes, an access key for it, then over ssh: the agent installer downloaded and run with a
# preconfig holding that key, so the agent registers the host. Like `aws opsworks register` it
# keeps the user and key (the agent signs every later contact with them) and, when a step
# fails, names what it left behind.
#
#   enrol.sh --stack-id ID HOST                 the whole enrolment; JSON result on stdout
#   enrol.sh --stack-id ID --only iam HOST      the IAM part only: prints what the host part needs
#   enrol.sh --stack-id ID --only host HOST     the host part only, with that JSON on stdin
#
# Exit status: 0 enrolled; 2 usage; 3 an AWS step failed; 4 ssh could not reach the host;
# 5 the agent's installation or registration failed on the host; 6 the host is not registered
# afterwards. Needs aws, jq and ssh (HOST as ssh knows it); the host needs curl, tar and sudo.
set -euo pipefail

STACK_ID=""
ONLY=""
HOST=""
USER_NAME=""

usage() {
  echo "usage: enrol.sh --stack-id ID [--only iam|host] HOST" >&2
  exit 2
}

# Stops with `code`, naming what this run made that is still there.
fail() {
  local code=$1
  shift
  echo "enrol: $*" >&2
  if [ -n "$USER_NAME" ]; then
    echo "enrol: left behind: IAM user $USER_NAME (its inline policy and access key)" >&2
  fi
  exit "$code"
}

parse_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --stack-id) STACK_ID=${2:-}; shift 2 || usage ;;
      --only) ONLY=${2:-}; shift 2 || usage ;;
      -h | --help) usage ;;
      -*) echo "enrol: unknown option $1" >&2; usage ;;
      *) [ -z "$HOST" ] || usage; HOST=$1; shift ;;
    esac
  done
  if [ -z "$STACK_ID" ] || [ -z "$HOST" ]; then usage; fi
  case "$ONLY" in "" | iam | host) ;; *) usage ;; esac
}

# The stack's ARN and what the agent needs to be installed (installer URL, its parameters).
stack_facts() {
  STACK_ARN=$(aws opsworks describe-stacks --stack-ids "$STACK_ID" \
    --query 'Stacks[0].Arn' --output text) || fail 3 "describe-stacks failed"
  PROVISIONING=$(aws opsworks describe-stack-provisioning-parameters --stack-id "$STACK_ID") ||
    fail 3 "describe-stack-provisioning-parameters failed"
}

create_user() {
  local suffix
  suffix=$(od -An -N2 -tx1 /dev/urandom | tr -d ' \n')
  local name="enrol-$HOST-$suffix"
  echo "enrol: creating IAM user $name" >&2
  aws iam create-user --user-name "$name" --path /enrol/ >/dev/null ||
    fail 3 "create-user $name failed"
  USER_NAME=$name
}

# An inline policy that allows only RegisterInstance on this stack, for 15 minutes (what
# `aws opsworks register` writes when it may not attach the managed policy).
put_policy() {
  local until
  until=$(date -u -d '+15 minutes' +%Y-%m-%dT%H:%M:%SZ)
  local policy
  policy=$(jq -cn --arg arn "$STACK_ARN" --arg until "$until" '{
    Version: "2012-10-17",
    Statement: [{Effect: "Allow", Action: "opsworks:RegisterInstance", Resource: $arn,
                 Condition: {DateLessThan: {"aws:CurrentTime": $until}}}]}')
  aws iam put-user-policy --user-name "$USER_NAME" --policy-name enrol-register \
    --policy-document "$policy" || fail 3 "put-user-policy on $USER_NAME failed"
}

create_key() {
  KEY=$(aws iam create-access-key --user-name "$USER_NAME" --query AccessKey --output json) ||
    fail 3 "create-access-key for $USER_NAME failed"
}

# What the host part needs, as JSON (holds the new key's secret: keep it off logs).
iam_part() {
  stack_facts
  create_user
  put_policy
  create_key
  jq -n --arg user "$USER_NAME" --argjson key "$KEY" --argjson prov "$PROVISIONING" '{
    UserName: $user, AccessKeyId: $key.AccessKeyId, SecretAccessKey: $key.SecretAccessKey,
    AgentInstallerUrl: $prov.AgentInstallerUrl, Parameters: $prov.Parameters}'
}

# The agent's preconfig: one ":name: JSON" line per parameter, sorted, as the installer reads it.
preconfig() {
  jq -r --arg stack "$STACK_ID" '.Parameters + {stack_id: $stack, import: false,
      access_key_id: .AccessKeyId, secret_access_key: .SecretAccessKey}
    | to_entries | sort_by(.key) | .[] | ":\(.key): \(.value | tojson)"' <<<"$1"
}

# The script the host runs (sent on ssh's stdin, so the key is on no command line).
remote_script() {
  local url bucket
  url=$(jq -r .AgentInstallerUrl <<<"$1")
  bucket=$(jq -r '.Parameters.assets_download_bucket // ""' <<<"$1")
  cat <<EOF
set -e
umask 077
dir=\$(mktemp -d "\${TMPDIR:-/tmp}/enrol.XXXXXXXX")
curl -fsS --retry 3 -L '$url' | tar xz -C "\$dir"
cat >"\$dir/opsworks-agent-installer/preconfig" <<'PRECONFIG'
$(preconfig "$1")
PRECONFIG
status=0
sudo env OPSWORKS_ASSETS_DOWNLOAD_BUCKET='$bucket' \\
  "\$dir/opsworks-agent-installer/boot-registration" || status=\$?
sudo rm -rf "\$dir"
exit \$status
EOF
}

host_part() {
  local facts=$1 status=0
  USER_NAME=$(jq -r .UserName <<<"$facts")
  echo "enrol: installing the agent on $HOST" >&2
  remote_script "$facts" | ssh -T -o BatchMode=yes "$HOST" /bin/sh -s >&2 || status=$?
  [ "$status" -ne 255 ] || fail 4 "ssh to $HOST failed"
  [ "$status" -eq 0 ] || fail 5 "the agent's installation on $HOST failed (exit $status)"
  local instance
  instance=$(aws opsworks describe-instances --stack-id "$STACK_ID" --output json |
    jq -c --arg h "$HOST" '[.Instances[] | select((.Hostname | ascii_downcase) == ($h | ascii_downcase))][0]') ||
    fail 3 "describe-instances failed"
  [ "$instance" != "null" ] || fail 6 "$HOST is not registered with stack $STACK_ID"
  jq -n --arg user "$USER_NAME" --argjson i "$instance" '{UserName: $user,
    InstanceId: $i.InstanceId, Hostname: $i.Hostname, Status: $i.Status, StackId: $i.StackId}'
}

main() {
  parse_args "$@"
  case "$ONLY" in
    iam) iam_part ;;
    host) host_part "$(cat)" ;;
    *)
      local facts
      facts=$(iam_part) || exit $?
      host_part "$facts"
      ;;
  esac
}

# Run, unless sourced (a test may source it and replace a step).
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  main "$@"
fi
