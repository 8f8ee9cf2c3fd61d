// The help texts of serve and expect (`opsreg serve --help`, `opsreg help expect`): serve runs a
// world for outside tools, expect checks it. As in cli/help_texts.cc, the options table is also
// what the command's parser reads; what the old free-form texts said beyond the flags (the ready
// line, the admin API, the clock, the variables written) are sections of their own.
#include "cli/help.h"

namespace opsreg::cli {

namespace {

HelpSection ready_line_section() {
  return {"READY LINE",
          {"The JSON line on stdout is the readiness signal: it comes (and --env and "
           "--ready-file are written before it) only once every service and host answers. Its "
           "members:"},
          {{"endpoint", "The URL of every service, http://127.0.0.1:PORT."},
           {"region, account_id", "The world's region and account."},
           {"operator",
            "{access_key_id, secret_access_key}: the account's root keys, to sign with as the "
            "operator."},
           {"stacks", "[{name, stack_id, region}]: the world's OpsWorks stacks."},
           {"agent_installer_url", "Where the world's S3 serves the OpsWorks agent installer."},
           {"admin", "The admin API's URL (ADMIN API below)."},
           {"ssh_config",
            "An OpenSSH client config reaching every host by name or IP (ssh -F FILE HOST)."},
           {"hosts",
            "[{name, address, public_ip, infrastructure_class, ssh_port, ssh_username, "
            "ssh_private_key, host_key_fingerprint, metadata_url, ec2_instance_id}]: the "
            "world's hosts."}}};
}

HelpSection admin_api_section() {
  return {"ADMIN API",
          {"Unsigned, under $OPSREG_ADMIN_URL (ENDPOINT/_opsreg/); mocks/admin/admin_api.h "
           "documents the answers. `opsreg expect --endpoint URL` checks a world through it "
           "(scenario expectations)."},
          {{"GET world", "The world's state as JSON, secrets left out."},
           {"GET clock", "{\"clock\", \"virtual\"}: the world's time, and whether it is virtual."},
           {"POST clock/advance",
            "{\"by\": \"16m\"}: moves the clock; the registered hosts' agents contact OpsWorks "
            "on the way."},
           {"POST reset", "The world as its file made it; the request log emptied."},
           {"GET|POST|DELETE faults",
            "The fault plan: list it, add rules (a rule or an array of them, as a world file's "
            "\"faults\"), remove them all."},
           {"GET requests",
            "The requests the services answered, oldest first, filtered by ?service= "
            "&operation= &caller= (identity or key id) &ok=true|false &since=SEQ."},
           {"GET operations",
            "{\"operations\": {SERVICE: [NAME...]}}: the AWS operations each fake implements."},
           {"GET hosts", "The hosts, as in the ready line."},
           {"GET hosts/NAME/file?path=P", "A file of a host's tree (404: none)."}}};
}

HelpSection clock_section() {
  return {"CLOCK",
          {"On the system clock (the default) signatures are checked against real time, as AWS "
           "does, and the registered hosts' agents contact OpsWorks on a timer. An admin clock "
           "advance moves the world ahead of real time, so real clients' next requests look "
           "skewed (expired signatures) until reset.",
           "With --virtual-clock only the admin API moves it, so real clients must sign at the "
           "world's time (GET clock; `opsreg expect` does)."},
          {}};
}

HelpSection exported_section() {
  return {
      "EXPORTED ENVIRONMENT",
      {"What --env writes and --print-env prints, as `export NAME='value'` lines:"},
      {{"AWS_ENDPOINT_URL", "Serve's endpoint, for every service."},
       {"AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY", "The operator's keys."},
       {"AWS_REGION, AWS_DEFAULT_REGION", "The world's region."},
       {"AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE", "Empty files: nothing of ~/.aws is read."},
       {"AWS_DATA_PATH", "The OpsWorks model, for the AWS CLI."},
       {"OPSREG_SSH_CONFIG", "The ready line's ssh_config: ssh -F $OPSREG_SSH_CONFIG HOST."},
       {"GIT_SSH_COMMAND", "ssh -F with that config, for git."},
       {"OPSREG_ENDPOINT, OPSREG_ADMIN_URL", "Serve's endpoint and its admin API's URL."}}};
}

CommandHelp make_serve_help() {
  CommandHelp h;
  h.name = "serve";
  h.summary =
      "run the fake AWS services (IAM, STS, S3, OpsWorks, EC2) and the simulated hosts until "
      "interrupted";
  h.synopsis = {"opsreg serve [--world FILE] [--port N] [--virtual-clock] [--env FILE]",
                "             [--print-env] [--ready-file FILE]"};
  h.description = {
      "Runs the fake AWS services (IAM, STS, S3, EC2, OpsWorks) of one world on one loopback "
      "port, with the world's hosts (an SSH server each, EC2 hosts' metadata services) and "
      "their agents, until SIGINT or SIGTERM; then the hosts' processes and files are removed "
      "and it exits 0.",
      "Once every service and host answers it prints one JSON line on stdout saying how to "
      "reach the world (READY LINE below); for CI it also writes that line to a file and the "
      "tools' environment to another, both before the line.",
  };
  h.options = {
      {{"--world"},
       "FILE",
       "The world to serve (fixtures/worlds/README.md describes world files); default: "
       "fixtures/worlds/default.json in the data folder."},
      {{"--port"},
       "N",
       "Listen on 127.0.0.1:N, N from 0 to 65535; default 0, any free port (read it from the "
       "ready line's endpoint)."},
      {{"--virtual-clock"},
       "",
       "The world's clock stands still at the world file's \"clock\" and moves only through "
       "the admin API; default: the system clock (CLOCK below)."},
      {{"--env"},
       "FILE",
       "Write `export NAME='value'` lines (mode 0600) that point AWS tools and OpenSSH at this "
       "world, for `. FILE` in a shell (EXPORTED ENVIRONMENT below)."},
      {{"--print-env"}, "", "Print the same export lines on stdout, after the JSON line."},
      {{"--ready-file"}, "FILE", "Write the JSON line to FILE (atomically, by rename) once ready."},
      help_option(),
  };
  h.sections = {ready_line_section(), admin_api_section(), clock_section(), exported_section()};
  h.environment = {
      {data_dir_variable().name,
       data_dir_variable().text +
           " Serve takes the world, the OpsWorks model and the agent installer from it."},
      {"OPSREG_BWRAP",
       "The bubblewrap executable that sandboxes the hosts, instead of bwrap from /usr/bin, "
       "/bin or /usr/local/bin."},
  };
  h.exit_statuses = {"0  stopped by SIGINT or SIGTERM (the hosts' processes and files removed)",
                     "1  the world cannot be started, or --env or --ready-file cannot be written",
                     "2  usage error (bad flags or arguments)"};
  h.docs = {"README.md", "fixtures/worlds/README.md", "mocks/README.md"};
  return h;
}

CommandHelp make_expect_help() {
  CommandHelp h;
  h.name = "expect";
  h.summary =
      "check a running serve's world with scenario expectations (instance, iam_user, file, "
      "requests); exit 1 naming what differed";
  h.synopsis = {"opsreg expect [--endpoint URL] [--region R] (EXPECTATION... | --file F)"};
  h.description = {
      "Checks what a running `opsreg serve` holds, as a scenario's expect step does "
      "(scenarios/README.md), and names what differed for each expectation that does not "
      "hold; prints \"N expectations hold\" when all do.",
      "The members that check a scenario's previous action or saved results (exit, "
      "error_code, message, stdout_contains, stderr_contains, result) are not applicable here: "
      "a usage error.",
      "Reads are signed as the AWS environment says (AWS_ACCESS_KEY_ID and "
      "AWS_SECRET_ACCESS_KEY, as serve --env exports them, or a profile) at the world's time "
      "(GET /_opsreg/clock), and are not counted among the requests seen.",
  };
  h.options = {
      {{"EXPECTATION..."},
       "",
       "A JSON object (or an array of them) with any of the members under EXPECTATIONS."},
      {{"--endpoint"},
       "URL",
       "Serve's endpoint (default: $AWS_ENDPOINT_URL); one or the other is required."},
      {{"--region"},
       "R",
       "The region to sign for; default: $AWS_REGION, $AWS_DEFAULT_REGION, the profile's, "
       "the world's."},
      {{"--file"}, "F", "Read the expectations from F (\"-\": standard input)."},
      help_option(),
  };
  h.sections = {
      {"EXPECTATIONS",
       {"Each expectation has any of these members, as in a scenario's expect step:"},
       {{R"("instance": {"hostname", "status", "service_error", MEMBER, "absent"})",
         "The stack instance with that hostname: its status, a fragment of its service errors, "
         "any other member's value, or that there is none."},
        {R"("iam_user": {"name" | "path_prefix", "present"})",
         "An IAM user of that name (or any under that path) exists, or with \"present\": false "
         "does not."},
        {R"("file": {"host", "path", "contains" | "absent"})",
         "A file in a host's tree contains the text, or does not exist."},
        {R"("requests": {"service", "operation", "caller", "ok", "count" | "min"})",
         "Of the requests serve answered, those of that service, operation, caller and "
         "outcome number exactly count, or at least min."}}},
  };
  h.environment = {
      {"AWS_ENDPOINT_URL", "Serve's endpoint, when --endpoint is not given."},
      {"AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN",
       "The keys to sign the reads with (the operator's, as serve --env exports them); "
       "without them the profile's."},
      {"AWS_PROFILE, AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE",
       "The profile, and the shared config and credentials files to read it from."},
      {"AWS_REGION, AWS_DEFAULT_REGION", "The region, when --region does not give it."},
  };
  h.exit_statuses = {"0  every expectation holds",
                     "1  one does not hold (each says what differed), or serve cannot be read",
                     "2  usage error (bad flags, an expectation it cannot check)"};
  h.docs = {"scenarios/README.md", "README.md"};
  return h;
}

}  // namespace

const CommandHelp& serve_help() {
  static const CommandHelp help = make_serve_help();
  return help;
}

const CommandHelp& expect_help() {
  static const CommandHelp help = make_expect_help();
  return help;
}

}  // namespace opsreg::cli
