"""moto_tls.py: moto_server, served over TLS only, with a request context
for S3 bucket policies.

moto 5.2.1 evaluates a bucket policy on object requests with no request
context, counts a condition operator it does not know (all but
StringEquals) as met, and takes a statement whose condition is not met
as a Deny.  So the generated policies' Deny on
"Bool": {"aws:SecureTransport": "false"} denies every object request.
This server only speaks TLS, so every request it sees has
aws:SecureTransport = true: this launcher drops, before moto evaluates
a policy, the statements whose Bool conditions that context does not
meet (as AWS does), then runs moto_server's own main.
"""
import json
import sys

from moto import server
from moto.s3 import models

CONTEXT = {"aws:securetransport": "true"}


def applies(statement):
    """False when a Bool condition is not met by this server's context."""
    for key, want in statement.get("Condition", {}).get("Bool", {}).items():
        want = want if isinstance(want, list) else [want]
        got = CONTEXT.get(key.lower())
        if got is not None and got not in [str(w).lower() for w in want]:
            return False
    return True


def get_permission(self, action, resource):
    from moto.iam.access_control import IAMPolicy, PermissionResult

    if self.policy is None:
        return PermissionResult.NEUTRAL
    doc = json.loads(self.policy.decode())
    st = doc["Statement"]
    st = [s for s in (st if isinstance(st, list) else [st]) if applies(s)]
    if not st:
        return PermissionResult.NEUTRAL
    doc["Statement"] = st
    return IAMPolicy(json.dumps(doc)).is_action_permitted(action, resource)


if __name__ == "__main__":
    if "-c" not in sys.argv[1:]:
        sys.exit("moto_tls.py: serves TLS only; pass -c CERT -k KEY")
    models.FakeBucket.get_permission = get_permission
    server.main(sys.argv[1:])
