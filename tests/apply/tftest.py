"""tftest.py: `terraform test` on every AWS site root of the golden cases.

The real provider plans offline (fake keys, the skip flags, override_data
for the data sources that would call an API): that judges what is known
at plan time, such as the certificate validation records keyed by
domain name.  Each root plans in its first environment's workspace with
its outputs checked against the settings, and is refused in a workspace
that is not an environment.  Deliberately broken copies (validation
records keyed by resource_record_name, a guard that is always true, a
mis-wired output, a distribution that does not wait for validation) must
be rejected, so these checks can fail.

An app-stack root cannot plan offline: its ephemeral resources (the
generated passwords) are opened at plan, and its data sources (zones,
account, region) are read then.  It plans with the real provider pointed
at moto instead, and says so.
"""
import concurrent.futures
import glob
import json
import os
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(os.path.dirname(HERE), "golden")
ALL_ENVS = os.environ.get("APPLY_ALL_ENVS") == "1"

PROVIDER = '''provider "aws" {{
{alias}  region                      = "{region}"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}}
'''
# Data sources that would call an API, by their well-known values.
OVERRIDES = {
    "data.aws_cloudfront_cache_policy.optimized":
        '{ id = "658327ea-f89d-4fab-a63d-7e88639e58f6" }',
    "data.aws_cloudfront_origin_request_policy.s3_cors":
        '{ id = "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf" }',
    "data.aws_cloudfront_origin_request_policy.app_cors":
        '{ id = "59781a5b-3903-41f3-afcb-af62929ccde1" }',
    "data.aws_route53_zone.this": '{ zone_id = "Z0000000000EXAMPLE" }',
}


def settings(main):
    """{env: {key: value}} of the root's locals.settings (strings only)."""
    body = main.split("settings = {", 1)[1].split("\n  }\n", 1)[0]
    out = {}
    for env, block in re.findall(r"\n    ([a-z0-9-]+) = \{(.*?)\n    \}",
                                 body, re.S):
        out[env] = dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', block))
    return out


def providers(root, moto):
    """One test provider per provider block of the root (its alias and
    region); with moto, every service endpoint points at the emulator."""
    text = open(os.path.join(root, "providers.tf")).read()
    out = ""
    for block in re.findall(r'^provider "aws" \{\n(.*?)^\}', text,
                            re.S | re.M):
        alias = re.search(r'^  alias\s*=\s*"([^"]+)"', block, re.M)
        region = re.search(r'^  region\s*=\s*"([^"]+)"', block, re.M)
        p = PROVIDER.format(alias=f'  alias                       = '
                            f'"{alias.group(1)}"\n' if alias else "",
                            region=region.group(1))
        if moto:
            ends = "".join(f'    {s:<14} = "{moto.url}"\n'
                           for s in moto.services)
            p = p[:-2] + (f'  custom_ca_bundle            = "{moto.cert}"\n'
                          f"  endpoints {{\n{ends}  }}\n}}\n")
        out += p
    return out


def needs_api(root):
    """True when planning the root calls an API that no override stands
    in for: an ephemeral resource (opened at plan) or the app stack's
    data sources (zones, account, region)."""
    for path in glob.glob(os.path.join(root, "../../../modules/aws/*/*.tf")):
        if re.search(r'^(ephemeral "|data "aws_availability_zones")',
                     open(path).read(), re.M):
            mod = os.path.basename(os.path.dirname(path))
            if re.search(rf'source\s*=\s*"[./]*modules/aws/{mod}"',
                         open(os.path.join(root, "main.tf")).read()):
                return True
    return False


def test_files(root, site, envs, sets, moto=None):
    common = providers(root, moto)
    main = open(os.path.join(root, "main.tf")).read()
    for addr, values in OVERRIDES.items():
        for mod in re.findall(r'^module "(\w+)"', main, re.M):
            mt = open(os.path.join(root, re.search(
                rf'module "{mod}" {{\n  source = "([^"]+)"', main).group(1),
                "main.tf")).read()
            typ, name = addr.split(".")[1:]
            if f'data "{typ}" "{name}"' in mt:
                common += (f"\noverride_data {{\n  target = module.{mod}."
                           f"{addr}\n  values = {values}\n}}\n")
    # A registry site's image pointers and their digests: the shared
    # root that publishes them is applied before any environment, so a
    # published image stands in for them.
    digest = "sha256:" + "0" * 64
    for ptr in re.findall(r'^data "aws_ssm_parameter" "(\w+_image)"', main,
                          re.M):
        common += (f"\noverride_data {{\n  target = data.aws_ssm_parameter."
                   f'{ptr}\n  values = {{ insecure_value = "1.0.0" }}\n}}\n')
    for img in re.findall(r'^data "aws_ecr_image" "(\w+)"', main, re.M):
        common += (f"\noverride_data {{\n  target = data.aws_ecr_image.{img}"
                   '\n  values = { image_uri = "123456789012.dkr.ecr.'
                   f'eu-west-1.amazonaws.com/{img}@{digest}" }}\n}}\n')
    # An adopting root's bucket policy names the account (the bridge).
    every = root_text(root)
    for name in re.findall(r'^data "aws_caller_identity" "(\w+)"', every,
                           re.M):
        common += ("\noverride_data {\n  target = data.aws_caller_identity."
                   f'{name}\n  values = {{ account_id = "123456789012" }}\n}}\n')
    # The app stack's own lookup of the operator's zones, in the root.
    if 'data "aws_route53_zone" "app"' in main:
        common += ("\noverride_data {\n  target = data.aws_route53_zone.app"
                   f"\n  values = {OVERRIDES['data.aws_route53_zone.this']}"
                   "\n}\n")
    outs = open(os.path.join(root, "outputs.tf")).read()
    os.makedirs(os.path.join(root, "tests"), exist_ok=True)
    for env in envs:
        asserts = [(f'output.siteinfra == {{ site = "{site}", environment = '
                    f'"{env}", provider = "aws" }}', "identity output")]
        for label in re.findall(r'output "(\w+)_bucket_name"', outs):
            want = sets[env].get(f"{label}_bucket")
            asserts.append((f'output.{label}_bucket_name == "{want}"',
                            f"bucket {label} name"))
        body = "".join(f"\n  assert {{\n    condition     = {c}\n    "
                       f'error_message = "{m} is wrong"\n  }}\n'
                       for c, m in asserts)
        with open(os.path.join(root, "tests", f"plan_{env}.tftest.hcl"),
                  "w") as f:
            f.write(common + f'\nrun "plan" {{\n  command = plan\n{body}}}\n')
    with open(os.path.join(root, "tests", "refused.tftest.hcl"), "w") as f:
        f.write(common + '\nrun "refused" {\n  command         = plan\n'
                '  expect_failures = [terraform_data.workspace_guard]\n}\n')


# Broken copies: (name, golden case, file, old, new, what must fail).
BROKEN = [
    ("validation keyed by resource_record_name", "ok-aws-route53",
     "modules/aws/cdn/main.tf", "o.domain_name => o",
     "o.resource_record_name => o", "plan"),
    ("guard always true", "ok-aws-richie-media", "sites/*/aws/main.tf",
     "condition     = contains(local.environments, terraform.workspace)",
     "condition     = contains(local.environments, terraform.workspace) || "
     "true", "refused"),
    ("mis-wired output", "ok-aws-expiration", "sites/*/aws/outputs.tf",
     "value       = module.bucket_media.name",
     "value       = module.bucket_media.arn", None),
    ("no validation wait", "ok-aws-route53", "modules/aws/cdn/main.tf",
     "one(aws_acm_certificate_validation.this[*].certificate_arn)",
     "one(aws_acm_certificate.this[*].arn)", "wait"),
    ("modules past the guard", "ok-aws-expiration", "sites/*/aws/main.tf",
     "env = local.settings[terraform_data.workspace_guard.input]",
     "env = local.settings[local.environment]", "targeted"),
]
# The root whose plan is also refused in the default workspace: "default"
# is never an environment (the checker refuses it), so the guard that
# refuses feature-x refuses it too; once is enough to show it.
DEFAULT_WORKSPACE_CASE = "ok-aws-richie-media"
# An app root plans against moto (about 20 s of CPU a plan): its plan in
# feature-x is refused on this case in make check, on every app root with
# APPLY_ALL_ENVS=1; the static check that every block reads the guard
# runs on all of them.
REFUSED_APP_CASE = "ok-aws-app-full"


def root_text(root):
    """Every .tf file of a root module, in name order, as one text."""
    return "".join(open(f).read() for f in sorted(
        glob.glob(os.path.join(root, "*.tf"))))


def past_the_guard(main):
    """The module and resource blocks of a root that do not read the
    guard, directly or through a local that reads it: a targeted plan of
    one of them would not check the workspace.  Data sources create
    nothing and are left out."""
    guarded = ["terraform_data\\.workspace_guard"]
    for name, value in re.findall(r"^  (\w+) += (.*)$", main.split(
            "\nlocals {", 1)[-1].split("\n}\n", 1)[0], re.M):
        if re.search("|".join(guarded), value):
            guarded.append(rf"local\.{name}\b")
    out = []
    for m in re.finditer(r'^(module|resource) "(\w+)"(?: "(\w+)")? \{\n'
                         r'(.*?)^\}', main, re.S | re.M):
        name = ".".join(x for x in m.groups()[:3] if x and x != "resource")
        if name == "terraform_data.workspace_guard":
            continue
        if not re.search("|".join(guarded), m.group(4)):
            out.append(name)
    return out


def main(env, R, schema, shim_pins, shim_renames, Runner):
    work = os.path.join(env.work, "tftest")
    os.makedirs(work)
    cases = sorted(os.path.basename(os.path.dirname(os.path.dirname(
        os.path.dirname(os.path.dirname(p))))) for p in glob.glob(
        os.path.join(GOLDEN, "*", "expect", "sites", "*", "aws"))
        if re.match(r"(ok|warn)-", os.path.relpath(p, GOLDEN)))
    jobs = [(n, c, None) for n, c in enumerate(sorted(set(cases)))]
    jobs += [(len(jobs) + n, b[1], b) for n, b in enumerate(BROKEN)]
    # Two at a time: a plan against moto waits on it part of the time.
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        for f in [pool.submit(one_case, env, R, schema, shim_pins,
                              shim_renames, Runner, work, *j) for j in jobs]:
            f.result()


def one_case(env, R, schema, shim_pins, shim_renames, Runner, work, n, case,
             broken):
    name = f"{case}.broken{n}" if broken else case
    scope = f"test/{name}"
    if not ALL_ENVS and case.startswith("warn-") and not broken:
        # A warning case differs from an ok case by the setting it warns
        # about, and make check has a CPU budget (an app root costs about
        # 20 s of CPU a plan against moto): the ok cases cover every
        # module and root shape.
        R.skip(scope, "terraform test of its roots", "make check plans "
               "the roots of the ok cases; APPLY_ALL_ENVS=1 plans the "
               "warning cases' too")
        return
    tree = os.path.join(work, name)
    shutil.copytree(os.path.join(GOLDEN, case, "expect"), tree)
    shim_pins(tree, env.version, scope)
    if broken:
        for path in glob.glob(os.path.join(tree, broken[2])):
            text = open(path).read()
            with open(path, "w") as f:
                f.write(text.replace(broken[3], broken[4]))
        R.say(f"broken: {scope}: {broken[0]}: {broken[2]}: "
              f"{broken[3]} -> {broken[4]}")
    r = Runner(env, f"tftest-{name}", tree)
    for root in sorted(glob.glob(os.path.join(tree, "sites/*/aws"))):
        rel = os.path.relpath(root, tree)
        site = rel.split("/")[1]
        rc, _, log = r.tf(f"-chdir={rel}", "init", "-backend=false",
                          "-input=false", "-no-color")
        if not R.check(scope, f"{site}: init", rc == 0, log):
            continue
        doc = schema.wait()
        if doc and not shim_renames(tree, doc, scope):
            continue
        main_tf = open(os.path.join(root, "main.tf")).read()
        sets = settings(main_tf)
        envs = list(sets)
        moto = env.moto if needs_api(root) else None
        if moto:
            R.say(f"stand-in: {scope}: {site}: planned against moto "
                  "(ephemeral resources and the app stack's data "
                  "sources call an API at plan)")
        test_files(root, site, envs, sets, moto)
        run_root(env, R, r, scope, site, rel, envs, broken, moto is None)


def test(r, rel, ws, name):
    r.env.environ["TF_WORKSPACE"] = ws
    try:
        rc, _, log = r.tf(f"-chdir={rel}", "test", "-no-color",
                          f"-filter=tests/{name}.tftest.hcl")
    finally:
        del r.env.environ["TF_WORKSPACE"]
    return rc, log


def run_root(env, R, r, scope, site, rel, envs, broken, in_default):
    # TF_WORKSPACE is per process: the environ is copied per call.
    r.env = Env1(env)
    kind = broken[5] if broken else None
    past = past_the_guard(root_text(os.path.join(r.tree, rel)))
    if kind == "targeted":
        R.check(scope, f"{site}: rejected: a targeted plan of "
                f"{', '.join(past) or 'nothing'} would not check the "
                "workspace", bool(past), "every block still reads the guard")
        return
    R.check(scope, f"{site}: every module and resource reads the workspace "
            "guard, so a targeted plan checks the workspace too", not past,
            f"not through the guard: {', '.join(past)}")
    if kind == "wait":
        main = open(os.path.join(r.tree, "modules/aws/cdn/main.tf")).read()
        block = main.split('resource "aws_cloudfront_distribution"', 1)[1]
        waits = "aws_acm_certificate_validation" in block.split(
            "viewer_certificate", 1)[1].split("}", 1)[0]
        R.check(scope, f"{site}: rejected: the distribution takes its "
                "certificate from aws_acm_certificate_validation", not waits,
                "the broken copy still waits")
        return
    todo = envs if ALL_ENVS or broken else envs[:1]
    for e in envs:
        if e not in todo:
            R.skip(f"{scope}/{e}", f"{site}: terraform test plan",
                   "make check plans the first environment; "
                   "APPLY_ALL_ENVS=1 plans every one")
            continue
        rc, log = test(r, rel, e, f"plan_{e}")
        if broken and kind is None:
            R.check(f"{scope}/{e}", f"{site}: rejected: the output check "
                    "fails", rc != 0, log)
        elif broken and kind == "plan":
            R.check(f"{scope}/{e}", f"{site}: rejected: the real provider's "
                    "plan fails (records unknown at plan)",
                    rc != 0 and "Invalid for_each argument" in log, log)
        else:
            R.check(f"{scope}/{e}", f"{site}: terraform test: plans with the "
                    "real provider, outputs as the settings say",
                    rc == 0, log)
        if broken and kind != "refused":
            return
    if kind in (None, "refused"):
        # In default too, where the plan is cheap (offline); an app root
        # plans against moto, and the guard is the same expression.
        if not (in_default or ALL_ENVS or r.tree.endswith(
                "/" + REFUSED_APP_CASE)):
            R.skip(f"{scope}/feature-x", f"{site}: terraform test: the "
                   "workspace guard refuses the plan", "make check plans an "
                   f"app root in feature-x on {REFUSED_APP_CASE} only; "
                   "APPLY_ALL_ENVS=1 on every one")
            return
        default = in_default and (ALL_ENVS or r.tree.endswith(
            "/" + DEFAULT_WORKSPACE_CASE) or kind == "refused")
        for ws in ["feature-x", "default"] if default else ["feature-x"]:
            rc, log = test(r, rel, ws, "refused")
            if kind == "refused":
                R.check(f"{scope}/{ws}", f"{site}: rejected: the always-true "
                        "guard lets the plan through", rc != 0, log)
            else:
                R.check(f"{scope}/{ws}", f"{site}: terraform test: the "
                        "workspace guard refuses the plan", rc == 0, log)


class Env1:
    """A copy of the shared settings with a private environ."""

    def __init__(self, env):
        self.__dict__.update(env.__dict__)
        self.environ = dict(env.environ)
