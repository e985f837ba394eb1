"""driver.py: applies generated trees to moto, as the operator would.

For each configuration (the embedded sites/ and every example with AWS
roots) it compiles the tree, copies it, applies the printed shims to the
copy (the provider pin relaxed to the mirror's provider, 6.x-only
attributes mapped, a providers_override.tf pointing every endpoint at
moto, the backend through -backend-config), then runs the commands of
the tree's own README: bootstrap, then per site and environment init,
workspace, apply; then checks what was created (checks.py), that a
second plan changes nothing, that `siteinfra env` fills a file sh loads
with the same values, that no other workspace plans (targeted or not),
that destroying one environment leaves the others, and where the
secrets ended up.  Prints "N passed, N failed, N skipped".
"""
import argparse
import concurrent.futures
import glob
import json
import os
import re
import shlex
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.request

import checks

HERE = os.path.dirname(os.path.abspath(__file__))
GUARD_MSG = "is not an environment of site"
# Endpoints of provider 5.100 pointed at moto (all the services moto
# emulates that the generated modules use now or will).
SERVICES = ["acm", "appautoscaling", "cloudwatch", "dynamodb", "ec2", "ecr", "ecs", "elbv2",
            "iam", "kms", "logs", "rds", "route53", "s3", "secretsmanager",
            "ses", "sesv2", "ssm", "sts"]
# 6.x argument and attribute names that provider 5.100 lacks, and their
# 5.x names: (resource type, 6.x name, 5.x name).  Every argument and
# attribute reference of the tree is checked against the provider's
# schema; one that the provider lacks and this table misses fails.
RENAMES = [("aws_s3_bucket", "bucket_region", "region"),
           ("aws_region", "region", "name")]
# The regional NAT gateway's arguments, and a zonal form 5.100 accepts.
REGIONAL_NAT = ('  vpc_id            = aws_vpc.this[0].id\n'
                '  availability_mode = "regional"\n',
                '  subnet_id         = aws_subnet.public[0].id\n')
# A reference to an attribute: [data.]aws_type.name[index].attribute
REF = re.compile(r"(?<![\w.])(data\.)?(aws_\w+)\.(\w+)(\[[^\]]*\])?\.(\w+)")
META = {"count", "for_each", "provider", "depends_on", "lifecycle",
        "provisioner", "connection", "dynamic"}
INIT_LOCK = threading.Lock()
ZONE_LOCK = threading.Lock()
# What the operator stores with the README's put-secret-value line: it
# must reach no state, plan, output or log of terraform.
SMTP_PASSWORD = "smtp-" + os.urandom(12).hex()
# What moto 5.2.1 cannot round-trip, by resource type: the attributes it
# drops or rewrites (None: any), and why.  A second plan whose every change
# is one of these is a known emulator gap (counted as skipped); any other
# change fails the check.
SG_RULE_DRIFT = ({"description", "referenced_security_group_id"}, "it drops "
                 "a rule's description and prefixes the referenced group "
                 "with the account")
MOTO_DRIFT = {
    "aws_cloudfront_distribution": (None, "it keeps neither a "
                                    "distribution's second origin nor its "
                                    "OriginAccessControlId"),
    "aws_vpc_security_group_ingress_rule": SG_RULE_DRIFT,
    "aws_vpc_security_group_egress_rule": SG_RULE_DRIFT,
    "aws_ecs_service": (
        {"availability_zone_rebalancing", "enable_ecs_managed_tags",
         "health_check_grace_period_seconds"}, "it keeps neither a "
        "service's zone rebalancing, managed tags nor grace period"),
    "aws_sesv2_email_identity": ({"tags_all"}, "it keeps no tags of an SES "
                                 "v2 identity"),
}


def emulator_drift(log):
    """The changes of a plan, as (address, reason) when each one is a
    known emulator gap, or None when one is not."""
    out = []
    for m in re.finditer(r'^  # (\S+) (?:will|must) be [^\n]*\n  [~+-] resource '
                         r'"(\w+)" "\w+" \{\n(.*?)^    \}', log, re.S | re.M):
        attrs, why = MOTO_DRIFT.get(m.group(2), (set(), None))
        changed = set(re.findall(r"^      [~+-] (\w+)", m.group(3), re.M))
        if why is None or (attrs is not None and not changed <= attrs):
            return None
        out.append((m.group(1), why))
    return out
ALL_ENVS = os.environ.get("APPLY_ALL_ENVS") == "1"
# Failures on the emulator's side (or an overloaded machine's: a provider
# plugin that did not answer in time), not the tree's: a command that
# fails with one of these is run once more, and says so.  A failure of
# the generated Terraform (a refused argument, a guard, a missing
# resource) matches none of them.
TRANSIENT = re.compile(r"Plugin did not respond|connection reset|connection refused|broken pipe|"
                       r"unexpected EOF|i/o timeout|context deadline exceeded|"
                       r"StatusCode: 5\d\d|InternalError|InternalFailure|"
                       r"ServiceUnavailable|send request failed|"
                       r"TLS handshake timeout")
# Generous: a loaded machine runs the provider slowly, and an S3 lifecycle
# configuration alone is polled for about a minute.
TF_TIMEOUT = {"apply": 900, "destroy": 600, "plan": 480, "init": 180,
              "test": 600}


def excerpt(text):
    """What a failure shows: Terraform's error blocks, then the end."""
    lines = text.splitlines()
    errors = [i for i, ln in enumerate(lines) if "Error:" in ln]
    if not errors:
        return lines[-40:]
    end = errors[0] + 30
    rest = lines[max(end, len(lines) - 15):]
    return lines[errors[0]:end] + (["[...]"] if len(lines) - 15 > end
                                   else []) + rest


class Report:
    def __init__(self):
        self.lock = threading.Lock()
        self.passed = self.failed = self.skipped = 0

    def say(self, text):
        with self.lock:
            print(text, flush=True)

    def check(self, scope, name, ok, detail=None):
        with self.lock:
            if ok:
                self.passed += 1
                print(f"ok: {scope}: {name}", flush=True)
            else:
                self.failed += 1
                print(f"FAIL: {scope}: {name}", flush=True)
                if detail is not None:
                    for line in excerpt(str(detail)):
                        print(f"    {line}", flush=True)
        return ok

    def skip(self, scope, name, why):
        with self.lock:
            self.skipped += 1
            print(f"skip: {scope}: {name} ({why})", flush=True)


R = Report()


def run_counted(argv, cwd, environ, stdin):
    """Runs argv to its end; returns its status, its output and the CPU
    seconds it and its children used (terraform waits for its provider
    plugins, so theirs are in it), which the suite's budget is made of."""
    p = subprocess.Popen(argv, cwd=cwd, env=environ, text=True,
                         stdin=subprocess.PIPE if stdin is not None else
                         subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    got = {}

    def drain(name, pipe):
        got[name] = pipe.read()
        pipe.close()
    readers = [threading.Thread(target=drain, args=(n, f))
               for n, f in (("out", p.stdout), ("err", p.stderr))]
    for t in readers:
        t.start()
    if stdin is not None:
        try:
            p.stdin.write(stdin)
        except BrokenPipeError:
            pass
        p.stdin.close()
    for t in readers:
        t.join()
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return (p.returncode, got["out"], got["err"],
            usage.ru_utime + usage.ru_stime)


class CpuBudget:
    """CPU seconds per kind of work, printed at the end: make check has a
    budget of 15 minutes on 2 cores, and this is where it goes."""

    def __init__(self):
        self.lock = threading.Lock()
        self.by_kind = {}

    def add(self, runner, argv, cpu):
        part = "terraform test of the golden roots" if runner.startswith(
            "tftest-") else "the operator's workflow"
        verb = next((a for a in argv[1:] if not a.startswith("-")), "")
        kind = f"{part}: {verb}" if argv[0] == "terraform" else \
            f"{part}: {os.path.basename(argv[0])}"
        with self.lock:
            n, t = self.by_kind.get(kind, (0, 0.0))
            self.by_kind[kind] = (n + 1, t + cpu)

    def report(self, moto_cpu):
        total = sum(t for _, t in self.by_kind.values()) + moto_cpu
        R.say(f"cpu: {total:.0f} s in all (the emulator {moto_cpu:.0f} s)")
        for kind, (n, t) in sorted(self.by_kind.items(),
                                   key=lambda kv: -kv[1][1]):
            R.say(f"cpu: {t:6.0f} s  {n:3} x {kind}")


CPU = CpuBudget()


def proc_cpu(pid):
    """CPU seconds a running process of ours has used, from /proc."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf(
            "SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Moto:
    """moto_server on a free loopback port, over TLS only (moto_tls.py):
    the generated bucket policies deny every request made without TLS."""

    def __init__(self, work):
        self.cert = os.path.join(work, "moto.pem")
        key = os.path.join(work, "moto.key")
        subprocess.run(["timeout", "60", "openssl", "req", "-x509",
                        "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-subj", "/CN=127.0.0.1", "-addext",
                        "subjectAltName=IP:127.0.0.1", "-keyout", key,
                        "-out", self.cert], check=True,
                       capture_output=True)
        self.port = free_port()
        env = dict(os.environ, MOTO_ACM_VALIDATION_WAIT="0")
        self.log = open(os.path.join(work, "moto.log"), "w")
        self.proc = subprocess.Popen(
            [sys.executable, os.path.join(HERE, "moto_tls.py"), "-H", "127.0.0.1", "-p", str(self.port),
             "-c", self.cert, "-k", key], stdout=self.log,
            stderr=subprocess.STDOUT, env=env)
        with open(os.path.join(work, "moto.pid"), "w") as f:
            f.write(f"{self.proc.pid}\n")
        self.url = f"https://127.0.0.1:{self.port}"
        self.services = SERVICES
        ctx = ssl.create_default_context(cafile=self.cert)
        deadline = time.time() + 30
        while True:
            try:
                urllib.request.urlopen(self.url + "/moto-api/", context=ctx,
                                       timeout=2)
                return
            except Exception:
                if self.proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError("moto_server did not start")
                time.sleep(0.3)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


class Env:
    """Shared settings of every terraform run."""

    def __init__(self, args, work, moto, cf_url):
        self.bin = args.bin
        self.work = work
        self.moto = moto
        self.cf_url = cf_url
        self.mirror = args.mirror
        self.version = os.path.basename(os.path.dirname(args.mirror_pkg))
        rc = os.path.join(work, "terraformrc")
        with open(rc, "w") as f:
            f.write('provider_installation {\n  filesystem_mirror {\n'
                    f'    path    = "{args.mirror}"\n'
                    '    include = ["registry.terraform.io/hashicorp/aws"]\n'
                    '  }\n}\n')
        # One provider cache for every root: the mirror's package linked
        # in, so no root copies the provider.
        cache = os.path.join(work, "plugin-cache")
        dest = os.path.join(cache, "registry.terraform.io/hashicorp/aws",
                            self.version)
        os.makedirs(dest, exist_ok=True)
        os.symlink(args.mirror_pkg, os.path.join(
            dest, os.path.basename(args.mirror_pkg)))
        self.environ = {k: v for k, v in os.environ.items()
                        if not k.startswith(("AWS_", "TF_"))}
        self.environ.update(TF_CLI_CONFIG_FILE=rc, TF_PLUGIN_CACHE_DIR=cache,
                            TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1",
                            # terraform and its provider are Go programs:
                            # collecting garbage four times less often
                            # takes a fifth of their CPU off for a sixth
                            # more memory.
                            GOGC="400",
                            AWS_ACCESS_KEY_ID="test",
                            AWS_SECRET_ACCESS_KEY="test",
                            AWS_CA_BUNDLE=moto.cert,
                            AWS_EC2_METADATA_DISABLED="true")
        self.backend = os.path.join(work, "backend.hcl")
        with open(self.backend, "w") as f:
            f.write(f'access_key                  = "test"\n'
                    f'secret_key                  = "test"\n'
                    f'use_path_style              = true\n'
                    f'skip_credentials_validation = true\n'
                    f'skip_requesting_account_id  = true\n'
                    f'skip_metadata_api_check     = true\n'
                    f'custom_ca_bundle            = "{moto.cert}"\n'
                    f'endpoints = {{\n  s3  = "{moto.url}"\n'
                    f'  sts = "{moto.url}"\n  iam = "{moto.url}"\n}}\n')

    def client(self, service, region="eu-west-1"):
        import boto3
        return boto3.client(service, endpoint_url=self.moto.url,
                            region_name=region, aws_access_key_id="test",
                            aws_secret_access_key="test",
                            verify=self.moto.cert)


class Runner:
    """Runs the commands of one configuration, logging all their output
    (the secrets check reads the log)."""

    def __init__(self, env, name, tree):
        self.env = env
        self.name = name
        self.tree = tree
        self.logpath = os.path.join(env.work, f"{name}.log")

    def run(self, argv, stdin=None, timeout=120, cwd=None, extra_env=None):
        t0 = time.time()
        rc, stdout, stderr, cpu = run_counted(
            ["timeout", "-k", "10", str(timeout)] + argv, cwd or self.tree,
            dict(self.env.environ, **(extra_env or {})), stdin)
        CPU.add(self.name, argv, cpu)
        out = stdout + stderr
        logged = out
        if ("output" in argv and "-json" in argv) or (
                "state" in argv and "pull" in argv):
            # They print the sensitive values (the outputs, the state), by
            # design: not logged, so that a secret in the log means another
            # command printed it.
            logged = stderr
        took = time.time() - t0
        with open(self.logpath, "a") as f:
            f.write(f"$ {' '.join(argv)}  [{took:.1f}s, {cpu:.1f} cpu-s, "
                    f"rc {rc}]\n{logged}\n")
        if rc in (124, 137):
            out += f"\n[timed out after {took:.0f}s (limit {timeout}s)]\n"
        return rc, stdout, out

    def tf(self, *args, stdin=None):
        verb = next((a for a in args if not a.startswith("-")), "")
        argv = ["terraform"] + list(args)
        if verb == "init":
            # Concurrent inits race on the shared provider cache.
            with INIT_LOCK:
                return self.run(argv, stdin=stdin, timeout=120)
        limit = TF_TIMEOUT.get(verb, 120)
        rc, out, log = self.run(argv, stdin=stdin, timeout=limit)
        if rc not in (0, 2) and verb in ("apply", "destroy", "plan", "test"):
            m = TRANSIENT.search(log)
            if m:
                R.say(f"note: {self.name}: terraform {' '.join(args)}: "
                      f"not the tree's failure ({m.group(0)}): run once more")
                rc, out, log = self.run(argv, stdin=stdin, timeout=limit)
        return rc, out, log


def tf_files(tree, sub):
    return sorted(glob.glob(os.path.join(tree, sub, "**", "*.tf"),
                            recursive=True))


def aws_roots(tree):
    roots = ["state/aws"] if os.path.isdir(os.path.join(tree, "state/aws")) \
        else []
    roots += sorted(os.path.relpath(d, tree) for d in
                    glob.glob(os.path.join(tree, "sites/*/aws")))
    return roots


def blocks(path):
    """(kind, type, name, first-level argument and block names) of each
    resource, data and provider block of a terraform-fmt'd file."""
    out = []
    cur = None
    for line in open(path):
        m = re.match(r'^(resource|data|provider) "([^"]+)"(?: "([^"]+)")? \{',
                     line)
        if m:
            cur = (m.group(1), m.group(2), m.group(3), [])
            out.append(cur)
            if line.rstrip().endswith("{}"):
                cur = None
            continue
        if line.startswith("}"):
            cur = None
        elif cur is not None:
            m = re.match(r'^  (?:dynamic "(\w+)"|(\w+)\s*(?:=|\{))', line)
            if m:
                cur[3].append(m.group(1) or m.group(2))
    return out


def shim_pins(tree, version, scope):
    for path in tf_files(tree, "."):
        text = open(path).read()
        new = re.sub(r'(source\s*=\s*"hashicorp/aws"\s*\n\s*version\s*=\s*)'
                     r'"~> 6[.0-9]*"', rf'\1"{version}"', text)
        if new != text:
            open(path, "w").write(new)
            R.say(f"shim: {scope}: {os.path.relpath(path, tree)}: "
                  f"hashicorp/aws pin ~> 6.x -> {version} (the mirror's)")


def shim_regional_nat(tree, scope):
    """The regional NAT gateway (provider 6.24) has no 5.x form.  A root
    that asks for one is not tested here, and says so; in the others its
    block has count = 0, and is made a zonal one so that 5.100 accepts
    the module."""
    for path in glob.glob(os.path.join(tree, "sites/*/aws/*.tf")):
        if re.search(r'^\s*nat\s*=\s*"regional"', open(path).read(), re.M):
            R.skip(scope, "the root with provider 5.100",
                   f"{os.path.relpath(path, tree)}: nat = \"regional\" needs "
                   "the regional NAT gateway of provider 6.24")
            return False
    for path in tf_files(tree, "modules"):
        text = open(path).read()
        if REGIONAL_NAT[0] in text:
            with open(path, "w") as f:
                f.write(text.replace(REGIONAL_NAT[0], REGIONAL_NAT[1]))
            R.say(f"shim: {scope}: {os.path.relpath(path, tree)}: "
                  "aws_nat_gateway.regional (count 0 here): vpc_id and "
                  "availability_mode -> subnet_id (its 5.x form)")
    return True


def shim_renames(tree, schema, scope):
    """Maps the arguments provider 5.100 does not know.  Returns False,
    with a skip reported, when one has no 5.x name: that root cannot be
    tested with this provider."""
    if not shim_regional_nat(tree, scope):
        return False
    ok = True
    rs = schema["provider_schemas"]["registry.terraform.io/hashicorp/aws"]
    for path in tf_files(tree, "."):
        for kind, typ, name, args in blocks(path):
            if kind == "provider" or not typ.startswith("aws_"):
                continue
            table = rs["resource_schemas" if kind == "resource" else
                       "data_source_schemas"].get(typ)
            if table is None:
                ok = R.check(scope, f"{typ} exists in provider 5.100", False)
                continue
            known = set(table["block"].get("attributes", {})) | set(
                table["block"].get("block_types", {}))
            for a in args:
                if a in known or a in META:
                    continue
                to = [r[2] for r in RENAMES if r[0] == typ and r[1] == a]
                if not to:
                    # A 6.x-only name the 5.x provider cannot run: this
                    # root is not tested here, and says so.
                    R.skip(scope, "the root with provider 5.100",
                           f"{kind} {typ}.{name}: argument {a} is unknown "
                           "to provider 5.100 and has no 5.x name")
                    ok = False
                    continue
                text = re.sub(rf"^(\s+){a}(\s*=)", rf"\1{to[0]}\2",
                              open(path).read(), flags=re.M)
                with open(path, "w") as f:
                    f.write(text)
                R.say(f"shim: {scope}: {os.path.relpath(path, tree)}: "
                      f"{typ}.{a} -> {to[0]} (the 5.x name)")
        text = open(path).read()
        for m in {m.group(0): m for m in re.finditer(REF, text)}.values():
            kind = "data_source_schemas" if m.group(1) else "resource_schemas"
            typ, attr = m.group(2), m.group(5)
            table = rs[kind].get(typ)
            if table is None or attr in table["block"].get("attributes", {}) \
                    or attr in table["block"].get("block_types", {}):
                continue
            to = [r[2] for r in RENAMES if r[0] == typ and r[1] == attr]
            if not to:
                R.skip(scope, "the root with provider 5.100",
                       f"{m.group(0)}: attribute {attr} is unknown to "
                       "provider 5.100 and has no 5.x name")
                ok = False
                continue
            new = m.group(0)[:-len(attr)] + to[0]
            text = re.sub(re.escape(m.group(0)) + r"\b", new, text)
            with open(path, "w") as f:
                f.write(text)
            R.say(f"shim: {scope}: {os.path.relpath(path, tree)}: "
                  f"{m.group(0)} -> {new} (the 5.x name)")
    return ok


def shim_override(env, tree, root, scope):
    aliases = []
    for path in tf_files(tree, root):
        if os.path.dirname(path) != os.path.join(tree, root):
            continue
        text = open(path).read()
        for m in re.finditer(r'^provider "aws" \{\n(.*?)^\}', text,
                             re.S | re.M):
            a = re.search(r'^\s*alias\s*=\s*"([^"]+)"', m.group(1), re.M)
            aliases.append(a.group(1) if a else None)
    lines = ["# Test shim: every service endpoint at moto (siteinfra's "
             "apply suite).", ""]
    for a in aliases:
        lines.append('provider "aws" {')
        if a:
            lines.append(f'  alias                       = "{a}"')
        lines += ['  access_key                  = "test"',
                  '  secret_key                  = "test"',
                  '  s3_use_path_style           = true',
                  '  skip_credentials_validation = true',
                  '  skip_requesting_account_id  = true',
                  '  skip_metadata_api_check     = true',
                  f'  custom_ca_bundle            = "{env.moto.cert}"',
                  "", "  endpoints {"]
        for s in SERVICES:
            lines.append(f'    {s:<14} = "{env.moto.url}"')
        lines.append(f'    {"cloudfront":<14} = "{env.cf_url}"')
        lines += ["  }", "}", ""]
    open(os.path.join(tree, root, "providers_override.tf"), "w").write(
        "\n".join(lines))
    R.say(f"shim: {scope}: {root}/providers_override.tf: providers "
          f"{', '.join(a or 'aws' for a in aliases)} -> moto (path-style "
          "S3, skip_credentials_validation, skip_requesting_account_id, "
          "skip_metadata_api_check; CloudFront through the managed-policy "
          "stand-in)")


def readme_steps(tree):
    """The AWS part of the tree's README: {"bootstrap": [cmd], site:
    {"env": [cmd], "file": [cmd]}, ...}, comments dropped, pipes joined."""
    text = open(os.path.join(tree, "README.md")).read()
    aws = text.split("\n## AWS\n", 1)[1].split("\n## ", 1)[0]
    out = {}
    for sec in aws.split("\n### ")[1:]:
        title = sec.split("\n", 1)[0]
        blocks = []  # (the text since the previous block, its commands)
        end = 0
        for m in re.finditer(r"```sh\n(.*?)```", sec, re.S):
            blk = re.sub(r"\|\n\s*", "| ", m.group(1))
            lead = " ".join(sec[end:m.start()].split())
            end = m.end()
            blocks.append((lead, [c for c in blk.splitlines()
                                  if c and not c.startswith("#")]))
        if title.startswith("State bootstrap"):
            out["bootstrap"] = blocks[0][1]
        elif title.startswith("Site "):
            # The root's init (once) and each environment's commands; the
            # AWS CLI steps before them (once per account) and after them
            # (per environment: secrets to store, tasks to run); the env
            # files filled from the outputs.
            once = "Once, in a fresh checkout:"
            at = next(i for i, (lead, _) in enumerate(blocks)
                      if "for each environment env of" in lead.lower())
            init = [b for lead, b in blocks if lead.endswith(once)]
            files = [b for _, b in blocks if "siteinfra env" in " ".join(b)]
            out[title[5:]] = {
                "once": [x for lead, b in blocks[:at]
                         if not lead.endswith(once) for x in b],
                "env": init[0] + blocks[at][1],
                "after": [x for _, b in blocks[at + 1:] if b not in files
                          for x in b],
                "file": files}
    return out


def file_env(tree, site, env_name):
    """The (name -> expected) of the env templates of a site and env."""
    out = {}
    for dist in sorted(glob.glob(os.path.join(
            tree, "env.d", site, f"*.{env_name}.aws.dist"))):
        for line in open(dist):
            if line.startswith("#") or "=" not in line:
                continue
            k, v = line.rstrip("\n").split("=", 1)
            out[k] = v
    return out


class Site:
    """Workflow of one site root over its environments."""

    def __init__(self, cfg, site, steps):
        self.cfg = cfg
        self.site = site
        self.steps = steps
        self.root = f"sites/{site}/aws"
        self.scope = f"{cfg.name}/{site}"
        self.r = cfg.runner
        self.region = re.search(r'region = "([^"]+)"', open(os.path.join(
            cfg.tree, self.root, "providers.tf")).read()).group(1)
        # Every refusal on one root of the suite, the targeted apply on
        # the others (terraform test refuses every golden root's plan).
        self.full_refusal = False
        self.envs = re.findall(r"`([a-z0-9-]+)`", re.search(
            r"[Ff]or each\s+environment\s+ENV\s+of\s+(.*?):", open(
                os.path.join(cfg.tree, "README.md")).read().split(
                f"### Site {site}\n")[1], re.S).group(1))
        self.outputs = {}

    def command(self, line, env_name, check):
        """Runs one README command line for environment env_name."""
        line = line.replace("ENV", env_name)
        if "|" in line:
            left, right = [shlex.split(x) for x in line.split("|")]
            rc, out, log = self.r.tf(*left[1:])
            if rc != 0:
                return rc, log
            path = os.path.join(self.cfg.work, f"{self.site}.{env_name}.env")
            # As written, from the tree: the README names the inputs.
            right = [self.cfg.env.bin if right[0] == "siteinfra" else
                     right[0]] + [path if a == "FILE" else a
                                  for a in right[1:]]
            rc, _, log2 = self.r.run(right, stdin=out)
            return rc, log2
        argv = shlex.split(line)[1:]
        at = [i for i, a in enumerate(argv) if not a.startswith("-")][0]
        verb = argv[at]
        flags = {"init": ["-input=false", "-no-color",
                          f"-backend-config={self.cfg.env.backend}"],
                 "apply": ["-auto-approve", "-input=false", "-no-color"],
                 "output": ["-json"]}.get(verb, [])
        argv = argv[:at + 1] + flags + argv[at + 1:]
        rc, out, log = self.r.tf(*argv)
        return rc, (out if verb == "output" and rc == 0 else log)

    def state_resources(self):
        return self.cfg.state_resources_of(self.root)

    def env_outputs(self):
        rc, out, _ = self.r.tf(f"-chdir={self.root}", "output", "-json")
        return json.loads(out) if rc == 0 else {}

    def hosted_zones(self, scope):
        """A Route53 domain's zone exists before siteinfra's roots (the
        operator's): created in moto, once."""
        main = open(os.path.join(self.cfg.tree, self.root, "main.tf")).read()
        with ZONE_LOCK:
            self.create_zones(main, scope)

    def create_zones(self, main, scope):
        r53 = self.cfg.env.client("route53", "us-east-1")
        have = {z["Name"].rstrip(".") for z in
                r53.list_hosted_zones()["HostedZones"]}
        for zone in sorted(set(re.findall(
                r'_zone\s*=\s*"([^"]+)"', main)) - have):
            r53.create_hosted_zone(Name=zone, CallerReference=zone)
            R.say(f"stand-in: {scope}: Route53 zone {zone} created in moto "
                  "(the operator's existing zone)")

    def cli_steps(self, scope, lines, env_name):
        """README lines for the AWS CLI (and the outputs piped to sh), run
        by sh as written, against moto; False when one fails."""
        if lines and not shutil.which("aws"):
            for line in lines:
                R.skip(scope, f"README step: {line}", "the AWS CLI (aws) is "
                       "not installed")
            return True
        for line in lines:
            rc, _, log = self.r.run(["sh", "-c", line.replace(
                "ENV", env_name)], timeout=300, extra_env={
                    "AWS_ENDPOINT_URL": self.cfg.env.moto.url,
                    "AWS_DEFAULT_REGION": self.region,
                    "SMTP_USER": "AKIAEXAMPLESMTPUSER",
                    "SMTP_PASSWORD": SMTP_PASSWORD})
            if not R.check(scope, f"README step: {line}", rc == 0, log):
                return False
        return True

    def apply_env(self, env_name):
        scope = f"{self.scope}/{env_name}"
        try:
            self.hosted_zones(scope)
        except Exception as exc:
            R.check(scope, "Route53 zone stand-in", False, repr(exc))
        for line in self.steps["env"]:
            rc, out = self.command(line, env_name, True)
            short = re.sub(r"^terraform -chdir=\S+ ", "", line)
            if not R.check(scope, f"README step: {short}", rc == 0, out):
                return False
            if " output cdn_certificate_validation_records" in line:
                recs = json.loads(out)
                R.check(scope, "validation records known after the "
                        "targeted certificate apply (name, type, value)",
                        len(recs) >= 1 and all(r.get("name") and
                                               r.get("value") for r in recs),
                        recs)
                R.say(f"stand-in: {scope}: no DNS host here; moto issues "
                      "the certificate without resolving those records "
                      "(MOTO_ACM_VALIDATION_WAIT=0)")
        if not self.cli_steps(scope, self.steps["after"], env_name):
            return False
        if any("$SMTP_PASSWORD" in x for x in self.steps["after"]) and \
                shutil.which("aws"):
            # Stored by the operator, read by the containers when they
            # start: terraform never holds it.
            rc, state, _ = self.r.tf(f"-chdir={self.root}", "state", "pull")
            leaked = [p for p in glob.glob(os.path.join(
                self.cfg.env.work, "*.log")) if SMTP_PASSWORD in open(
                    p, errors="replace").read()]
            R.check(scope, "the SMTP password the README stores is in no "
                    "state and no log of terraform", rc == 0 and
                    SMTP_PASSWORD not in state and not leaked, leaked)
        outs = self.env_outputs()
        self.outputs[env_name] = outs
        values = {k: v["value"] for k, v in outs.items()}
        R.check(scope, "outputs name the site and environment",
                values.get("siteinfra") == {"site": self.site,
                                            "environment": env_name,
                                            "provider": "aws"},
                values.get("siteinfra"))
        s3 = self.cfg.env.client("s3", self.cfg.state_region)
        key = f"env:/{env_name}/{self.site}.tfstate"
        try:
            head = s3.head_object(Bucket=self.cfg.state_bucket, Key=key)
            ok = head.get("ServerSideEncryption") == "aws:kms"
        except Exception as exc:
            ok, head = False, exc
        R.check(scope, f"state object {key} in the state bucket, "
                "KMS-encrypted", ok, head)
        ctx = Ctx(self.cfg, self.state_resources(), values, self.region)
        for name, ok, detail in checks.run(ctx):
            R.check(scope, name, ok, detail)
        rc, _, log = self.r.tf(f"-chdir={self.root}", "plan",
                               "-detailed-exitcode", "-input=false",
                               "-no-color")
        gap = emulator_drift(log) if rc == 2 else None
        if gap:
            R.skip(scope, "second plan changes nothing", "the plan shows "
                   "drift only where moto 5.2.1 cannot round-trip: " +
                   "; ".join(f"{a} ({why})" for a, why in gap))
        else:
            R.check(scope, "second plan changes nothing "
                    "(-detailed-exitcode 0)", rc == 0, log)
        self.check_env_file(scope, env_name, values)
        return True

    def check_env_file(self, scope, env_name, values):
        want = file_env(self.cfg.tree, self.site, env_name)
        if not want:
            return
        for line in (self.steps["file"] or [[]])[0]:
            rc, log = self.command(line, env_name, True)
            R.check(scope, "terraform output -json | siteinfra env", rc == 0,
                    log)
        path = os.path.join(self.cfg.work, f"{self.site}.{env_name}.env")
        p = subprocess.run(["sh", "-c", 'set -a; . "$1"; set +a; env -0',
                            "sh", path], capture_output=True, text=True,
                           env={"PATH": os.environ["PATH"]}, timeout=30)
        got = dict(kv.split("=", 1) for kv in p.stdout.split("\0") if kv)
        bad = []
        for k, v in want.items():
            exp = values.get(v[len("@output:"):]) if v.startswith(
                "@output:") else v
            if got.get(k) != exp:
                bad.append(k)
        R.check(scope, f"env file loads in sh with the outputs' values "
                f"({len(want)} variables)", p.returncode == 0 and not bad,
                f"mismatched: {bad}")

    def refused(self):
        scope = f"{self.scope}/feature-x"
        mods = re.findall(r'^module "(\w+)"', open(os.path.join(
            self.cfg.tree, self.root, "main.tf")).read(), re.M)
        root = f"-chdir={self.root}"
        self.r.tf(root, "workspace", "select", "-or-create", "feature-x")
        if self.full_refusal:
            rc, _, log = self.r.tf(root, "plan", "-input=false", "-no-color")
            R.check(scope, "plan refused by the workspace guard",
                    rc == 1 and GUARD_MSG in log, log)
        else:
            R.say(f"note: {scope}: the targeted apply only; the plan, the "
                  "targeted plans and the default workspace are refused on "
                  "the first site of the suite, and terraform test refuses "
                  "the plan of every golden root")
        for i, m in enumerate(mods if self.full_refusal else mods[:1]):
            verb = "apply" if i == 0 else "plan"
            extra = ["-auto-approve"] if verb == "apply" else []
            rc, _, log = self.r.tf(root, verb, f"-target=module.{m}",
                                   "-input=false", "-no-color", *extra)
            R.check(scope, f"targeted {verb} -target=module.{m} refused",
                    rc == 1 and GUARD_MSG in log, log)
        rc, out, _ = self.r.tf(root, "state", "list")
        R.check(scope, "nothing in the feature workspace's state",
                out.strip() == "", out)
        self.r.tf(root, "workspace", "select", "default")
        if self.full_refusal:
            rc, _, log = self.r.tf(root, "plan", "-input=false", "-no-color")
            R.check(f"{self.scope}/default", "plan refused by the "
                    "workspace guard", rc == 1 and GUARD_MSG in log, log)
        self.r.tf(root, "workspace", "delete", "feature-x")

    def destroy_last(self):
        last = self.envs[-1]
        scope = f"{self.scope}/{last}"
        before = {e: names(self.cfg, e, self.outputs.get(e, {}))
                  for e in self.envs}
        root = f"-chdir={self.root}"
        self.r.tf(root, "workspace", "select", last)
        rc, _, log = self.r.tf(root, "destroy", "-auto-approve",
                               "-input=false", "-no-color")
        main = open(os.path.join(self.cfg.tree, self.root, "main.tf")).read()
        protected = re.search(
            rf"^    {re.escape(last)} = \{{\n(?:      .*\n)*?      \w+_db_"
            r"deletion_protection\s+= true$", main, re.M)
        if protected:
            # A protected database stops the destroy, as it must: the
            # README says to lift the protection first.
            R.check(scope, "destroy stopped by the database's deletion "
                    "protection", rc != 0 and "Cannot delete protected DB "
                    "Instance" in log, log)
            return
        if not R.check(scope, "destroy", rc == 0, log):
            return
        s3 = self.cfg.env.client("s3")
        have = {b["Name"] for b in s3.list_buckets()["Buckets"]}
        R.check(scope, "its buckets are gone", not (before[last] & have),
                sorted(before[last] & have))
        others = set().union(*[before[e] for e in self.envs if e != last])
        R.check(scope, "every other environment's buckets remain",
                others <= have, sorted(others - have))
        rc, out, _ = self.r.tf(root, "state", "list")
        R.check(scope, "its state is empty", out.strip() == "", out)

    def workflow(self):
        envs = self.envs
        if not ALL_ENVS and len(envs) > 2:
            # The first and the last: enough to prove that destroying one
            # leaves another, at the cost of two applies.
            for e in envs[1:-1]:
                R.skip(f"{self.scope}/{e}", "apply workflow", "make check "
                       "applies the first and last environments; "
                       "APPLY_ALL_ENVS=1 applies every one")
            envs = [envs[0], envs[-1]]
            self.envs = envs
        if not self.cli_steps(self.scope, self.steps["once"], envs[0]):
            return
        for e in envs:
            if not self.apply_env(e):
                return
        self.refused()
        self.destroy_last()


def names(cfg, env_name, outs):
    return {v["value"] for k, v in outs.items()
            if k.endswith("_bucket_name")}


class Ctx:
    """What a check hook sees."""

    def __init__(self, cfg, resources, outputs, region):
        self.cfg = cfg
        self.region = region
        self.resources = resources
        self.outputs = outputs
        self.public_read = {}
        for r in resources:
            if r["type"] == "aws_s3_bucket_public_access_block":
                self.public_read[r["values"]["bucket"]] = \
                    not r["values"]["block_public_policy"]

    def client(self, service, region=None):
        return self.cfg.env.client(service, region or self.region)


class Config:
    """One configuration: compile, shim, bootstrap, sites."""

    def __init__(self, env, name, inputs):
        self.env = env
        self.name = name
        self.inputs = inputs
        self.work = os.path.join(env.work, name)
        self.tree = os.path.join(self.work, "infra")
        self.runner = None
        self.sites = []
        self.full_refusal = False

    def prepare(self, schema_holder):
        os.makedirs(self.work)
        gen = os.path.join(self.work, "generated")
        p = subprocess.run([self.env.bin, "compile", "--out", gen] +
                           self.inputs, capture_output=True, text=True,
                           timeout=60)
        if not R.check(self.name, "compiles", p.returncode == 0, p.stderr):
            return False
        shutil.copytree(gen, self.tree)
        self.runner = Runner(self.env, self.name, self.tree)
        shim_pins(self.tree, self.env.version, self.name)
        for root in aws_roots(self.tree):
            shim_override(self.env, self.tree, root, self.name)
        R.say(f"shim: {self.name}: S3 backend of every site root -> moto "
              f"through -backend-config={os.path.basename(self.env.backend)}"
              " (path-style, skip flags, endpoints s3/sts/iam)")
        main = open(os.path.join(self.tree, "state/aws/main.tf")).read()
        self.state_bucket = re.search(r'bucket = "([^"]+)"', main).group(1)
        self.state_region = re.search(r'region = "([^"]+)"', main).group(1)
        return True

    def run(self, schema_holder):
        if not self.prepare(schema_holder):
            return
        steps = readme_steps(self.tree)
        for line in steps["bootstrap"]:
            argv = shlex.split(line)[1:]
            verb = argv[-1]
            argv += ["-input=false", "-no-color"] + (
                ["-auto-approve"] if verb == "apply" else [])
            rc, _, log = self.runner.tf(*argv)
            if not R.check(self.name, f"bootstrap: terraform {verb} "
                           "state/aws", rc == 0, log):
                return
            if verb == "init":
                schema = schema_holder.get(self.runner, "state/aws")
                if schema and not shim_renames(self.tree, schema, self.name):
                    return
        state = Ctx(self, self.state_resources_of("state/aws"), {},
                    self.state_region)
        for name, ok, detail in checks.run(state):
            R.check(f"{self.name}/state", name, ok, detail)
        # The sites of a configuration share only the state bucket: each
        # site's workflow runs beside the others'.
        self.sites = [Site(self, site, steps[site]) for site in
                      sorted(k for k in steps if k != "bootstrap")]
        if self.sites and self.full_refusal:
            self.sites[0].full_refusal = True
        with concurrent.futures.ThreadPoolExecutor(len(self.sites) or
                                                   1) as pool:
            for f in [pool.submit(s.workflow) for s in self.sites]:
                f.result()

    def state_resources_of(self, root):
        """Managed resources of the root's current state (state pull: no
        provider to start)."""
        rc, out, _ = self.runner.tf(f"-chdir={root}", "state", "pull")
        doc = json.loads(out) if rc == 0 and out.strip() else {}
        return [{"type": r["type"], "mode": r["mode"],
                 "values": i["attributes"]}
                for r in doc.get("resources", []) if r["mode"] == "managed"
                for i in r.get("instances", [])]


class Schema:
    """The provider's schema, read once (from the first bootstrapped root)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.ready = threading.Event()
        self.doc = None

    def get(self, runner, root):
        with self.lock:
            if self.doc is None:
                rc, out, log = runner.tf(f"-chdir={root}", "providers",
                                         "schema", "-json")
                try:
                    if not R.check("provider", "schema read", rc == 0, log):
                        return None
                    self.doc = json.loads(out)
                finally:
                    # Waiters wake once the schema is there (or failed).
                    self.ready.set()
            return self.doc

    def wait(self):
        """The schema once a bootstrap root has read it (or None)."""
        self.ready.wait(600)
        return self.doc


def secrets_check(env, configs):
    """Every sensitive output value: where does it appear?"""
    for cfg in configs:
        for site in cfg.sites:
            for e, outs in site.outputs.items():
                for k, v in outs.items():
                    if not v.get("sensitive"):
                        continue
                    secret = v["value"]
                    scope = f"{cfg.name}/{site.site}/{e}"
                    where = find_secret(env, configs, secret)
                    own = f"state {cfg.state_bucket}/env:/{e}/" \
                          f"{site.site}.tfstate"
                    mine = [w for w in where if w.startswith(own)]
                    rest = [w for w in where if not w.startswith(own) and
                            not w.endswith(f"{site.site}.{e}.env")]
                    for w in mine:
                        R.say(f"note: {scope}: output {k} (sensitive) is in "
                              f"{w}: Terraform keeps every output and "
                              "aws_iam_access_key.secret in the state; the "
                              "contract's iam_access_secret output needs it")
                    R.check(scope, f"secret of output {k} nowhere but its "
                            "own state and the filled env file",
                            not rest, rest)


def find_secret(env, configs, secret):
    where = []
    for cfg in configs:
        s3 = env.client("s3", cfg.state_region)
        try:
            vers = s3.list_object_versions(Bucket=cfg.state_bucket).get(
                "Versions", [])
        except Exception:
            vers = []
        for v in vers:
            body = s3.get_object(Bucket=cfg.state_bucket, Key=v["Key"],
                                 VersionId=v["VersionId"])["Body"].read()
            if secret.encode() in body:
                paths = attr_paths(json.loads(body), secret)
                where.append(f"state {cfg.state_bucket}/{v['Key']} "
                             f"(version {v['VersionId'][:8]}: "
                             f"{', '.join(paths)})")
        for path in ([cfg.runner.logpath] if cfg.runner else []) + glob.glob(
                os.path.join(cfg.work, "**"), recursive=True):
            if os.path.isfile(path) and not os.path.islink(path) and \
                    ".terraform" not in path.split(os.sep):
                with open(path, "rb") as f:
                    if secret.encode() in f.read():
                        where.append(os.path.relpath(path, env.work))
    return where


def attr_paths(doc, secret):
    out = [f"output {k}" for k, v in doc.get("outputs", {}).items()
           if v.get("value") == secret]
    for r in doc.get("resources", []):
        for inst in r.get("instances", []):
            for k, v in inst.get("attributes", {}).items():
                if v == secret:
                    out.append(f"{r.get('module', '')}.{r['type']}."
                               f"{r['name']}.{k}".lstrip("."))
    return out


def same_tree(a, b):
    """True when two trees differ only by their header lines and by the
    inputs their README's siteinfra env lines name."""
    def files(t):
        out = {}
        for p in glob.glob(os.path.join(t, "**"), recursive=True):
            rel = os.path.relpath(p, t)
            if os.path.isfile(p) and not rel.startswith(".siteinfra"):
                out[rel] = [re.sub(r"( -o FILE) .*$", r"\1", ln)
                            for ln in open(p).read().splitlines()
                            if "generated by siteinfra from" not in ln]
        return out
    return files(a) == files(b)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--mirror", required=True)
    ap.add_argument("--mirror-pkg", required=True)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--tftest", action="store_true")
    ap.add_argument("configs", nargs="+", help="name=input[,input]")
    args = ap.parse_args()
    work = args.work
    t0 = time.time()
    moto = Moto(work)
    signal.signal(signal.SIGTERM, lambda *a: (moto.stop(), os._exit(1)))
    try:
        import cfproxy
        proxy = cfproxy.start(moto.port, moto.cert)
        cf_url = f"http://127.0.0.1:{proxy.server_address[1]}"
        R.say(f"moto 5.2.1 at {moto.url} (pid {moto.proc.pid}); stand-in "
              f"for the CloudFront managed policies at {cf_url}")
        env = Env(args, work, moto, cf_url)
        schema = Schema()
        configs = []
        seen = {}
        for spec in args.configs:
            name, inputs = spec.split("=", 1)
            cfg = Config(env, name, inputs.split(","))
            # A configuration that compiles to the tree of another one
            # (the YAML form of the demo site) is not applied twice.
            probe = os.path.join(work, f"{name}.probe")
            subprocess.run([args.bin, "compile", "--out", probe] +
                           cfg.inputs, capture_output=True, timeout=60)
            twin = [n for n, p in seen.items() if same_tree(p, probe)]
            seen[name] = probe
            if twin:
                R.check(name, f"compiles to the tree of {twin[0]} but for "
                        "the header lines: applied once, as that one", True)
                continue
            configs.append(cfg)
        if configs:
            configs[0].full_refusal = True
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            futs = [pool.submit(c.run, schema) for c in configs]
            if args.tftest:
                import tftest
                futs.append(pool.submit(tftest.main, env, R, schema,
                                        shim_pins, shim_renames, Runner))
            for f in futs:
                try:
                    f.result()
                except Exception as exc:
                    import traceback
                    R.check("driver", "ran to the end", False,
                            traceback.format_exc())
        secrets_check(env, configs)
        if cfproxy.answered:
            R.say(f"stand-in: answered {len(cfproxy.answered)} CloudFront "
                  "managed-policy requests moto cannot serve: "
                  f"{', '.join(sorted(set(cfproxy.answered)))}")
    finally:
        moto_cpu = proc_cpu(moto.proc.pid)
        moto.stop()
    CPU.report(moto_cpu)
    R.say(f"apply suite: {time.time() - t0:.0f}s")
    print(f"{R.passed} passed, {R.failed} failed, {R.skipped} skipped")
    return 1 if R.failed else 0


if __name__ == "__main__":
    sys.exit(main())
