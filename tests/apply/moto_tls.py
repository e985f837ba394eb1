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

SES v2, as moto 5.2.1 serves it, cannot create the email module's
identity: it answers CreateEmailIdentity with LastKeyGenerationTimestamp
as a string (the SDK wants a number), gives Easy DKIM no tokens (AWS
gives three, whose CNAME records the module writes), and has no MAIL
FROM operation at all.  The launcher fixes those three, as AWS answers
them (SES v2 API reference: DkimAttributes, MailFromAttributes).
Application Auto Scaling has no tag operations in moto 5.2.1, which the
provider calls after registering a scalable target: the launcher keeps
the tags given at registration and answers ListTagsForResource,
TagResource and UntagResource with them.  ECS RunTask fails (HTTP 500)
on a Fargate task definition whose containers leave their memory to the
task, as the generated ones do: the launcher counts such a container's
memory as 0, as RunTask's placement on Fargate does not use it.
"""
import hashlib
import json
import sys
import time

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


def sesv2_stand_in():
    from moto.ses import models as ses
    from moto.sesv2 import responses as v2

    created = ses.EmailIdentity.__init__
    answer = ses.EmailIdentity.get_response_object.fget

    def init(self, *args, **kwargs):
        created(self, *args, **kwargs)
        dkim = self.dkim_attributes
        if "LastKeyGenerationTimestamp" in dkim:
            dkim["LastKeyGenerationTimestamp"] = int(time.time())
        if dkim.get("SigningEnabled"):
            dkim["Tokens"] = [hashlib.sha256(
                f"{self.email_identity}/{i}".encode()).hexdigest()[:32]
                for i in range(3)]
        self.mail_from = None

    def get_response_object(self):
        out = answer(self)
        if getattr(self, "mail_from", None):
            out["MailFromAttributes"] = self.mail_from
        return out

    def put_mail_from(self):
        identity = self.sesv2_backend.get_email_identity(
            self._get_param("EmailIdentity"))
        domain = self._get_param("MailFromDomain")
        identity.mail_from = {
            "MailFromDomain": domain, "MailFromDomainStatus": "SUCCESS",
            "BehaviorOnMxFailure": self._get_param("BehaviorOnMxFailure") or
            "USE_DEFAULT_VALUE"} if domain else None
        return json.dumps({})

    from moto.sesv2 import urls
    urls.url_paths["{0}/v2/email/identities/(?P<EmailIdentity>[^/]+)"
                   "/mail-from$"] = v2.SESV2Response.dispatch
    ses.EmailIdentity.__init__ = init
    ses.EmailIdentity.get_response_object = property(get_response_object)
    v2.SESV2Response.put_email_identity_mail_from_attributes = put_mail_from


def autoscaling_tags_stand_in():
    from moto.applicationautoscaling import responses as aas

    tags = {}
    registered = aas.ApplicationAutoScalingResponse.register_scalable_target

    def register(self):
        out = registered(self)
        arn = json.loads(out)["ScalableTargetARN"]
        tags.setdefault(arn, {}).update(self._get_param("Tags") or {})
        return out

    def list_tags(self):
        return json.dumps({"Tags": tags.get(self._get_param("ResourceARN"),
                                            {})})

    def tag(self):
        tags.setdefault(self._get_param("ResourceARN"), {}).update(
            self._get_param("Tags") or {})
        return json.dumps({})

    def untag(self):
        have = tags.get(self._get_param("ResourceARN"), {})
        for key in self._get_param("TagKeys") or []:
            have.pop(key, None)
        return json.dumps({})

    r = aas.ApplicationAutoScalingResponse
    r.register_scalable_target = register
    r.list_tags_for_resource = list_tags
    r.tag_resource = tag
    r.untag_resource = untag


def ecs_fargate_memory_stand_in():
    from moto.ecs import models as ecs

    counted = ecs.EC2ContainerServiceBackend._calculate_task_resource_requirements

    def requirements(task_definition):
        kept = task_definition.container_definitions
        task_definition.container_definitions = [
            dict(c, memory=c.get("memory") or c.get("memoryReservation") or 0)
            if "Memory" not in c and "MemoryReservation" not in c else c
            for c in kept]
        try:
            return counted(task_definition)
        finally:
            task_definition.container_definitions = kept

    ecs.EC2ContainerServiceBackend._calculate_task_resource_requirements = \
        staticmethod(requirements)


if __name__ == "__main__":
    if "-c" not in sys.argv[1:]:
        sys.exit("moto_tls.py: serves TLS only; pass -c CERT -k KEY")
    models.FakeBucket.get_permission = get_permission
    sesv2_stand_in()
    autoscaling_tags_stand_in()
    ecs_fargate_memory_stand_in()
    server.main(sys.argv[1:])
