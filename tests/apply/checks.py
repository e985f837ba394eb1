"""checks.py: what an applied root created, checked with boto3.

Each hook is keyed by a resource type of the root's state: a root is
checked by every hook whose type it contains, so a new module (a load
balancer, a database, ...) adds a hook here and nothing else changes.
A hook gets the context (boto3 clients, the root's outputs, its state
resources) and returns a list of (name, ok, detail).
"""
import json

HOOKS = {}


def hook(rtype):
    def register(fn):
        HOOKS.setdefault(rtype, []).append(fn)
        return fn
    return register


def instances(ctx, rtype):
    return [r["values"] for r in ctx.resources if r["type"] == rtype]


def policy_of(raw):
    return json.loads(raw) if isinstance(raw, str) else raw


def statements(policy):
    st = policy["Statement"]
    return st if isinstance(st, list) else [st]


def as_list(v):
    return v if isinstance(v, list) else [v]


@hook("aws_s3_bucket")
def buckets(ctx):
    out = []
    s3 = ctx.client("s3")
    distributions = [d["arn"] for d in
                     instances(ctx, "aws_cloudfront_distribution")]
    for b in instances(ctx, "aws_s3_bucket"):
        name = b["bucket"]
        tag = f"bucket {name}"
        pab = s3.get_public_access_block(Bucket=name)[
            "PublicAccessBlockConfiguration"]
        out.append((f"{tag}: public ACLs blocked",
                    pab["BlockPublicAcls"] and pab["IgnorePublicAcls"], pab))
        public = ctx.public_read.get(name, False)
        out.append((f"{tag}: public policies "
                    f"{'allowed (public_read)' if public else 'blocked'}",
                    pab["BlockPublicPolicy"] == (not public) and
                    pab["RestrictPublicBuckets"] == (not public), pab))
        enc = s3.get_bucket_encryption(Bucket=name)[
            "ServerSideEncryptionConfiguration"]["Rules"][0][
            "ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"]
        out.append((f"{tag}: encrypted", enc in ("AES256", "aws:kms"), enc))
        own = s3.get_bucket_ownership_controls(Bucket=name)[
            "OwnershipControls"]["Rules"][0]["ObjectOwnership"]
        out.append((f"{tag}: owner enforced", own == "BucketOwnerEnforced",
                    own))
        pol = policy_of(s3.get_bucket_policy(Bucket=name)["Policy"])
        tls = [s for s in statements(pol) if s.get("Effect") == "Deny" and
               s.get("Condition", {}).get("Bool", {}).get(
                   "aws:SecureTransport") in ("false", False)]
        out.append((f"{tag}: TLS-only policy", len(tls) == 1, pol))
        reads = [s for s in statements(pol) if s.get("Sid") == "CloudFrontRead"]
        if reads:
            arns = as_list(reads[0]["Condition"]["StringEquals"][
                "AWS:SourceArn"])
            out.append((f"{tag}: CloudFront read limited to the site's "
                        "distribution", sorted(arns) == sorted(distributions),
                        arns))
        ver = s3.get_bucket_versioning(Bucket=name).get("Status")
        lifecycle = [r for r in instances(
            ctx, "aws_s3_bucket_lifecycle_configuration")
            if r["bucket"] == name]
        rules = s3.get_bucket_lifecycle_configuration(Bucket=name)[
            "Rules"] if lifecycle else []
        exp = [r for r in rules if "Expiration" in r]
        if exp:
            out.append((f"{tag}: objects expire, not versioned",
                        ver in (None, "Suspended"), (ver, exp)))
        else:
            out.append((f"{tag}: versioned", ver == "Enabled", ver))
        if lifecycle:
            out.append((f"{tag}: incomplete uploads aborted",
                        any("AbortIncompleteMultipartUpload" in r
                            for r in rules), rules))
        if any(r["bucket"] == name for r in instances(
                ctx, "aws_s3_bucket_cors_configuration")):
            cors = s3.get_bucket_cors(Bucket=name)["CORSRules"]
            out.append((f"{tag}: CORS GET/HEAD only",
                        sorted(cors[0]["AllowedMethods"]) == ["GET", "HEAD"],
                        cors))
    return out


@hook("aws_cloudfront_distribution")
def distributions(ctx):
    out = []
    cf = ctx.client("cloudfront")
    oacs = {o["id"] for o in
            instances(ctx, "aws_cloudfront_origin_access_control")}
    for d in instances(ctx, "aws_cloudfront_distribution"):
        cfg = cf.get_distribution(Id=d["id"])["Distribution"][
            "DistributionConfig"]
        tag = f"distribution {d['id']}"
        media = [o for o in cfg["Origins"]["Items"] if o["Id"] == "media"]
        if media and "OriginAccessControlId" not in media[0]:
            # moto 5.2.1 drops it: the provider's state is what is left.
            media = [o for o in d["origin"] if o["origin_id"] == "media"]
            out.append((f"{tag}: bucket origin signed by the origin access "
                        "control (from the state: moto drops "
                        "OriginAccessControlId)", len(media) == 1 and
                        media[0]["origin_access_control_id"] in oacs, media))
        else:
            out.append((f"{tag}: bucket origin signed by the origin access "
                        "control", len(media) == 1 and
                        media[0].get("OriginAccessControlId") in oacs, media))
        behaviours = [cfg["DefaultCacheBehavior"]] + cfg.get(
            "CacheBehaviors", {}).get("Items", [])
        out.append((f"{tag}: every behaviour redirects to HTTPS",
                    all(b["ViewerProtocolPolicy"] == "redirect-to-https"
                        for b in behaviours),
                    [b["ViewerProtocolPolicy"] for b in behaviours]))
        aliases = cfg.get("Aliases", {}).get("Items", [])
        if aliases:
            vc = cfg["ViewerCertificate"]
            out.append((f"{tag}: custom domain on its ACM certificate, "
                        "TLSv1.2_2021", vc.get("ACMCertificateArn", "")
                        .startswith("arn:aws:acm:us-east-1:") and
                        vc.get("MinimumProtocolVersion") == "TLSv1.2_2021",
                        vc))
    return out


@hook("aws_acm_certificate")
def certificates(ctx):
    out = []
    acm = ctx.client("acm", "us-east-1")
    for c in instances(ctx, "aws_acm_certificate"):
        got = acm.describe_certificate(CertificateArn=c["arn"])["Certificate"]
        out.append((f"certificate {c['domain_name']}: in us-east-1, issued "
                    "(DNS validation)", got["Status"] == "ISSUED" and
                    got["DomainValidationOptions"][0]["ValidationMethod"] ==
                    "DNS", got["Status"]))
    return out


@hook("aws_iam_user")
def users(ctx):
    out = []
    iam = ctx.client("iam")
    site_buckets = {b["arn"] for b in instances(ctx, "aws_s3_bucket")}
    for u in instances(ctx, "aws_iam_user"):
        name = u["name"]
        keys = iam.list_access_keys(UserName=name)["AccessKeyMetadata"]
        out.append((f"user {name}: one access key, the one output",
                    [k["AccessKeyId"] for k in keys] ==
                    [ctx.outputs.get("iam_access_key")], keys))
        names = iam.list_user_policies(UserName=name)["PolicyNames"]
        attached = iam.list_attached_user_policies(UserName=name)[
            "AttachedPolicies"]
        ok = len(names) == 1 and not attached
        reach = set()
        if ok:
            pol = policy_of(iam.get_user_policy(
                UserName=name, PolicyName=names[0])["PolicyDocument"])
            for s in statements(pol):
                for r in as_list(s["Resource"]):
                    reach.add(r[:-2] if r.endswith("/*") else r)
                ok = ok and s.get("Effect") == "Allow" and all(
                    a.startswith("s3:") and "*" not in a
                    for a in as_list(s["Action"]))
        out.append((f"user {name}: one inline policy, S3 object actions on "
                    "the site's buckets only", ok and reach and
                    reach <= site_buckets, sorted(reach)))
    return out


@hook("aws_dynamodb_table")
def tables(ctx):
    out = []
    ddb = ctx.client("dynamodb")
    for t in instances(ctx, "aws_dynamodb_table"):
        d = ddb.describe_table(TableName=t["name"])["Table"]
        out.append((f"lock table {t['name']}: hash key LockID",
                    d["KeySchema"][0]["AttributeName"] == "LockID", d))
    return out


@hook("aws_kms_key")
def keys(ctx):
    out = []
    kms = ctx.client("kms")
    for k in instances(ctx, "aws_kms_key"):
        rot = kms.get_key_rotation_status(KeyId=k["key_id"])
        out.append((f"KMS key {k['key_id']}: rotation on",
                    rot["KeyRotationEnabled"], rot))
    return out


def run(ctx):
    """Every hook of every resource type the root holds, in type order."""
    types = sorted({r["type"] for r in ctx.resources})
    results = []
    for t in types:
        for fn in HOOKS.get(t, []):
            try:
                results.extend(fn(ctx))
            except Exception as exc:  # a missing setting raises
                results.append((f"{fn.__name__} ({t})", False, repr(exc)))
    return results
