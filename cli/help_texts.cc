// The help texts of register, scenario, conform and agent (`opsreg CMD --help`, `opsreg help
// CMD`): one table each, whose options the command's parser also reads (cli/options.h; register
// reads its own, core/register/arguments.h, checked against this table by the unit tests). Serve's
// and expect's: cli/help_texts_serve.cc.
#include "cli/help.h"

namespace opsreg::cli {

// The standard AWS environment, as the AWS CLI reads it (register and conform aim with it).
std::vector<EnvVar> aws_environment() {
  return {
      {"AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN",
       "The credentials to sign with; without them the profile's, then the instance profile's "
       "(from the instance metadata service)."},
      {"AWS_PROFILE", "The profile of the shared config and credentials files to use."},
      {"AWS_REGION, AWS_DEFAULT_REGION",
       "The region, when no flag gives it (AWS_REGION first, as the AWS SDKs read them)."},
      {"AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>",
       "Where to send every service's requests, or one service's (AWS_ENDPOINT_URL_IAM, "
       "AWS_ENDPOINT_URL_OPSWORKS, AWS_ENDPOINT_URL_EC2, AWS_ENDPOINT_URL_STS, "
       "AWS_ENDPOINT_URL_S3): how opsreg is aimed at `opsreg serve` or another AWS-compatible "
       "server instead of AWS."},
      {"AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE",
       "The shared config and credentials files, instead of ~/.aws/config and "
       "~/.aws/credentials."},
      {"AWS_CA_BUNDLE", "A PEM file of the certificate authorities to trust for HTTPS."},
  };
}

const EnvVar& data_dir_variable() {
  static const EnvVar variable = {
      "OPSREG_DATA_DIR",
      "The data folder (worlds, fixture keys, the agent installer, "
      "conformance cases, the docs) instead of the one found beside the "
      "executable: PREFIX/share/opsreg when installed, build/share/opsreg "
      "in a build tree."};
  return variable;
}

const Option& help_option() {
  static const Option option = {{"-h", "--help"}, "", "Print this help and exit."};
  return option;
}

namespace {

CommandHelp make_register_help() {
  CommandHelp h;
  h.name = "register";
  h.summary = "register a machine with an OpsWorks stack, as `aws opsworks register` does";
  h.synopsis = {
      "opsreg register --stack-id ID --infrastructure-class ec2|on-premises",
      "                [--override-hostname NAME] [--override-private-ip IP]",
      "                [--override-public-ip IP] [--override-ssh CMD]",
      "                [--ssh-username USER] [--ssh-private-key FILE]",
      "                [--local] [--use-instance-profile] [TARGET]",
      "                [--profile P] [--region R] [--endpoint-url URL] [--debug]",
      "                [--no-verify-ssl] [--output json|text]",
      "                [--mock[=WORLD.json]] [--ssh-config FILE]",
  };
  h.description = {
      "Registers an EC2 instance or an on-premises machine with an OpsWorks Stacks stack, step "
      "by step as the AWS CLI's `aws opsworks register` did: it looks up the stack, creates an "
      "IAM user for the machine's agent (none with --use-instance-profile), logs in to TARGET "
      "over SSH (or runs on this machine with --local) and runs the agent installer there; the "
      "agent then registers the machine. Progress goes to stderr, the result to stdout.",
      "Without --mock it talks to whatever the standard AWS environment points at: real AWS, "
      "`opsreg serve`, or any server that speaks AWS's protocols. With --mock it starts the "
      "fakes and the world's simulated hosts in this process.",
      "The arguments are checked before any request, with the AWS CLI's messages; an unknown "
      "flag is named (\"Unknown options: --stack-idd (did you mean '--stack-id'?)\").",
  };
  h.options = {
      {{"--stack-id"}, "ID", "The stack to register with. Required."},
      {{"--infrastructure-class"},
       "ec2|on-premises",
       "What kind of machine TARGET is: an EC2 instance or an on-premises machine. Required."},
      {{"TARGET"},
       "",
       "The machine to register. On premises: a host name or address to log in to over SSH "
       "(ssh's config applies). EC2: an instance id (i-…), an IPv4 address (private or "
       "public) or the value of a Name tag, looked up in the stack's region. Omitted with "
       "--local."},
      {{"--local"},
       "",
       "Register this very machine: the script runs under /bin/sh here, without SSH (Linux "
       "only)."},
      {{"--override-hostname"},
       "NAME",
       "Register under this hostname instead of the machine's own; it also names the IAM user. "
       "Letters, digits and dashes, at most 63, not starting or ending with a dash."},
      {{"--override-private-ip"}, "IP", "The private address to register (on premises only)."},
      {{"--override-public-ip"}, "IP", "The public address to register (on premises only)."},
      {{"--override-ssh"},
       "CMD",
       "The command to run instead of ssh to reach the machine; the script becomes its last "
       "argument. Not with --ssh-username or --ssh-private-key."},
      {{"--ssh-username"}, "USER", "The user to log in as (given to ssh as -l USER)."},
      {{"--ssh-private-key"}, "FILE", "The private key to log in with (given to ssh as -i FILE)."},
      {{"--use-instance-profile"},
       "",
       "EC2 only: create no IAM user; the agent signs with the credentials of the instance's "
       "instance profile."},
      {{"--profile"}, "P", "The profile of the shared AWS config and credentials files to use."},
      {{"--region"},
       "R",
       "The region of the AWS calls, instead of the environment's or the profile's."},
      {{"--endpoint-url"},
       "URL",
       "Where to send OpsWorks requests (OpsWorks only, as in the AWS CLI; IAM and EC2 follow "
       "AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>)."},
      {{"--debug"},
       "",
       "Log every request and answer to stderr, with secrets replaced, and each step's "
       "details."},
      {{"--no-verify-ssl"}, "", "Do not verify the certificates of HTTPS endpoints."},
      {{"--output"},
       "json|text",
       "How to print the result: a line of text (the default) or a JSON object."},
      {{"--mock"},
       "[=WORLD.json]",
       "Run against fakes started in this process from a world file (default: "
       "fixtures/worlds/default.json in the data folder; see fixtures/worlds/README.md), on "
       "the system clock, with an SSH server per simulated host and the world's operator "
       "credentials."},
      {{"--ssh-config"},
       "FILE",
       "Read this OpenSSH client config instead of ~/.ssh/config (as ssh -F FILE); with "
       "--mock, the fakes' own config by default."},
      help_option(),
  };
  h.environment = aws_environment();
  h.environment.insert(
      h.environment.begin(),
      {{"OPSREG_SSH_PASSWORD",
        "The password to give when the SSH server asks for one, instead of a prompt on the "
        "terminal."},
       {"OPSREG_AGENT_KEY_POOL",
        "With --mock: a file of RSA keys (from `opsreg agent make-key-pool`) the simulated "
        "agents take theirs from, instead of making a fresh one each."},
       data_dir_variable()});
  h.exit_statuses = {"0  registered",
                     "1  a step failed (an AWS or SSH error, the script's failure)",
                     "2  usage error (bad flags or arguments)"};
  h.docs = {"docs/register.md", "docs/agent.md"};
  return h;
}

CommandHelp make_scenario_help() {
  CommandHelp h;
  h.name = "scenario";
  h.summary = "run scenario files, each in its own world, and report which passed";
  h.synopsis = {"opsreg scenario run [-j N] [--json] [--junit FILE] [--shard K/N]",
                "                    [--shards N] [--timings FILE] [--write-timings FILE]",
                "                    [--list] PATH...", "opsreg scenario merge-junit OUT IN..."};
  h.description = {
      "Runs each scenario file (for a folder: every *.json under it, recursively), each in a "
      "world of its own on a virtual clock, N at a time. A scenario names a world, the steps "
      "to take in it (registering hosts, AWS calls, moving the clock, faults, …) and what to "
      "expect; "
      "scenarios/README.md describes the format, scenarios/library holds examples.",
      "Prints a table (name, result, time, reason) whose last line is \"N passed, N "
      "failed\". A file that cannot be loaded is reported as a bad file, naming where: "
      "FILE:LINE:COLUMN for invalid JSON, the step and member otherwise.",
      "With --shard K/N, or the CI's variables (ENVIRONMENT), it runs shard K of N only, so N "
      "machines share the scenarios, each exactly once. The split depends only on the "
      "scenario files and the recorded durations (--timings): heaviest first, each onto the "
      "shard with the least so far, ties by name; without durations, by count in name order. "
      "It says on stderr which shard it runs and where that came from.",
      "merge-junit writes to OUT the JUnit files of the shards (IN, as --junit wrote them) as "
      "one, as an unsharded run would have written it: the same testcases and counts, the "
      "times summed. It exits 1 when a shard's file is missing (OUT is written all the same), "
      "2 when an IN is not JUnit XML or two hold the same testcase.",
  };
  h.options = {
      {{"PATH..."}, "", "Scenario files, or folders to take every *.json under."},
      {{"-j", "--jobs"}, "N", "Run N scenarios at a time (default: the number of processors)."},
      {{"--json"}, "", "Print the results as JSON instead of the table."},
      {{"--junit"},
       "FILE",
       "Also write the results to FILE as JUnit XML, for CI systems; \"{shard}\" in FILE "
       "becomes K (junit-{shard}.xml). A shard's report names its shard in a property."},
      {{"--shard"},
       "K/N",
       "Run shard K of N only, K counting from 1 (as GitLab's CI_NODE_INDEX): --shard 2/3. "
       "It wins over the environment; --shard 1/1 runs everything."},
      {{"--shards"},
       "N",
       "The number of shards when the index comes from a Kubernetes indexed Job's "
       "JOB_COMPLETION_INDEX (as OPSREG_SHARDS); with --shard or CI_NODE_TOTAL it must agree."},
      {{"--timings"},
       "FILE",
       "Balance the shards by the durations recorded in FILE (as --write-timings writes it), "
       "if it exists; a scenario not in it weighs the median of those that are."},
      {{"--write-timings"},
       "FILE",
       "After the run, record each scenario's duration in FILE (a JSON object of scenario "
       "name to seconds, sorted by name), over the entries it holds already; \"{shard}\" "
       "becomes K. The shards' files merge as JSON objects do: jq -s add timings-*.json."},
      {{"--list"},
       "",
       "Print the scenario files this run (this shard) would run, one a line, and run none."},
      {{"OUT IN..."},
       "",
       "merge-junit: the file to write, then the shards' JUnit files to merge (OUT must not "
       "be one of them)."},
      help_option(),
  };
  h.environment = {
      {data_dir_variable().name, data_dir_variable().text +
                                     " Scenarios name world files relative to it "
                                     "(fixtures/worlds/default.json) unless one lies beside them."},
      {"CI_NODE_INDEX, CI_NODE_TOTAL",
       "Without --shard: GitLab's parallel jobs, shard CI_NODE_INDEX (counting from 1) of "
       "CI_NODE_TOTAL."},
      {"JOB_COMPLETION_INDEX",
       "Without --shard: a Kubernetes indexed Job's index, counting from 0 (shard "
       "JOB_COMPLETION_INDEX + 1); N comes from --shards or OPSREG_SHARDS."},
      {"OPSREG_SHARDS", "The number of shards when --shards is not given."},
  };
  h.exit_statuses = {"0  every scenario passed (merge-junit: merged)",
                     "1  a scenario failed (merge-junit: a shard missing, OUT not written)",
                     "2  usage error, or a scenario file that cannot be loaded"};
  h.docs = {"scenarios/README.md", "fixtures/worlds/README.md"};
  return h;
}

CommandHelp make_conform_help() {
  CommandHelp h;
  h.name = "conform";
  h.summary = "check the fakes' answers against a real target, a snapshot, or AWS's documentation";
  h.synopsis = {"opsreg conform --target URL|aws [--record DIR] [--region REGION]",
                "               [--world FILE] [--json] [CASE...]",
                "opsreg conform --snapshots DIR [--world FILE] [--json] [CASE...]",
                "opsreg conform [--world FILE] [--json] [CASE...]"};
  h.description = {
      "Makes each conformance case's AWS calls against opsreg's fakes (a fresh world per case) "
      "and compares the answers with a reference: success or the error code and HTTP status, "
      "and the members the case names, with account ids and the run's name prefix made alike.",
      "With --target the reference is live: each call is also made against the target, and "
      "--record DIR saves the target's answers as one snapshot file per case. With --snapshots "
      "DIR the reference is such a recording, offline: record once against your AWS account, "
      "check every CI run after. With neither, the fakes are checked against the outcomes AWS "
      "documents, which the cases state with the API reference page that says so.",
      "The names the cases create start with opsreg-conform-XXXXXXXX and are deleted "
      "afterwards. Prints a table of the cases and where they differ, or JSON.",
  };
  h.options = {
      {{"CASE..."},
       "",
       "Case files or folders (default: fixtures/conformance in the data folder)."},
      {{"--target"},
       "URL|aws",
       "Compare with a live target: aws (AWS itself, through the standard AWS environment) or an "
       "http:// or https:// URL that serves every service (as --endpoint-url)."},
      {{"--record"},
       "DIR",
       "With --target: save the target's answers to DIR/<case>.json (made if missing), saying "
       "where and when; secrets are never written."},
      {{"--snapshots"},
       "DIR",
       "Compare with the answers recorded in DIR instead of a live target."},
      {{"--region"},
       "REGION",
       "The region of both sides (default: the fakes' world's, us-east-1 unless the world "
       "says otherwise), so that both answer alike."},
      {{"--world"},
       "FILE",
       "The world file of the fakes' side (default: fixtures/worlds/default.json in the data "
       "folder)."},
      {{"--json"}, "", "Print the results as JSON instead of the table."},
      help_option(),
  };
  h.environment = aws_environment();
  h.environment.push_back(data_dir_variable());
  h.exit_statuses = {"0  no differences",
                     "1  differences, the target cannot be reached, or a snapshot is missing",
                     "2  usage error, or a case file that cannot be loaded"};
  h.docs = {"fixtures/conformance/README.md", "docs/architecture.md"};
  return h;
}

CommandHelp make_agent_help() {
  CommandHelp h;
  h.name = "agent";
  h.summary = "the simulated OpsWorks agent that the installer runs on a registered host";
  h.synopsis = {"opsreg agent boot-registration --preconfig FILE [--key-pool FILE]",
                "opsreg agent contact", "opsreg agent make-key-pool FILE COUNT"};
  h.description = {
      "boot-registration registers this host with the preconfig's stack, as the OpsWorks "
      "agent installer does, and logs to <host root>/var/log/aws/opsworks/opsworks-agent.log. "
      "After registering it runs the initial setup: the stack's hosts file replaces <host "
      "root>/etc/hosts (the old one is kept in the log) and the host's EBS volumes and Elastic "
      "IPs are registered; a volume on a reserved mount point fails the setup.",
      "contact makes one of the registered agent's periodic contacts with OpsWorks (our model "
      "of the agent's channel), signed with the key in <host "
      "root>/etc/aws/opsworks/instance-agent.yml, and logs the outcome.",
      "make-key-pool writes COUNT fresh RSA-2048 keys to FILE (PEM), for agents to take "
      "theirs from instead of making one each (making a key takes a while).",
      "The register script runs these on the host; they are seldom typed by hand.",
  };
  h.options = {
      {{"--preconfig"},
       "FILE",
       "boot-registration: the preconfig the installer wrote (the stack, region, endpoint and "
       "the agent's credentials). Required."},
      {{"--key-pool"},
       "FILE",
       "boot-registration: take the agent's RSA key from this pool (from make-key-pool), "
       "else OPSREG_AGENT_KEY_POOL or the preconfig's opsreg_agent_key_pool; without one a "
       "fresh key is made."},
      help_option(),
  };
  h.environment = {
      {"OPSREG_AGENT_KEY_POOL", "The key pool when --key-pool is not given."},
      {"OPSREG_HOST_ROOT",
       "Where the host's \"/\" is (a fake host's tree, set by opsreg's SSH hosts); the real "
       "\"/\" without it."},
      {"OPSREG_HOST_NAME, OPSREG_HOST_PRIVATE_IP, OPSREG_HOST_PUBLIC_IP",
       "The host's name and addresses, instead of the machine's own (its hostname and first "
       "IPv4 address; no public address)."},
      {"OPSREG_HOST_MOUNTS", "The mount table to report, instead of <host root>/proc/mounts."},
      {"AWS_EC2_METADATA_SERVICE_ENDPOINT",
       "contact without a key of its own: the instance metadata service to take the instance "
       "profile's credentials from."},
  };
  h.exit_statuses = {"0  done", "1  refused or failed (see the agent log)", "2  usage error"};
  h.docs = {"docs/agent.md"};
  return h;
}

}  // namespace

const CommandHelp& register_help() {
  static const CommandHelp help = make_register_help();
  return help;
}

const CommandHelp& scenario_help() {
  static const CommandHelp help = make_scenario_help();
  return help;
}

const CommandHelp& conform_help() {
  static const CommandHelp help = make_conform_help();
  return help;
}

const CommandHelp& agent_help() {
  static const CommandHelp help = make_agent_help();
  return help;
}

}  // namespace opsreg::cli
