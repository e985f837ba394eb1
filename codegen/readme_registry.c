/* SPDX-License-Identifier: ISC */
/* readme_registry.c: the README steps of a site's image registry: apply it, push, write the pointers. */
#include <string.h>

#include "arena.h"
#include "emit.h"
#include "tf_aws_app.h"

static void
profile_flag(struct sbuf *sb, const struct site *s)
{
	if (s->registry_profile != NULL)
		sb_addf(sb, " --profile %s", s->registry_profile);
}

/* Between the state bootstrap and the environments. */
void
readme_registry(struct emit *e, struct sbuf *sb, const struct site *s)
{
	const char		*dir = arena_printf(e->ar, "shared/aws/%s",
				    s->name);
	const struct service	*v;
	bool			 ci = false;

	if (!tf_registry_used(s))
		return;
	sb_addf(sb, "\n#### Image registry (once, before any environment)\n\n"
	    "```sh\nterraform -chdir=%s init\nterraform -chdir=%s apply\n"
	    "```\n\nIt creates the ECR repositories (immutable tags, scanned "
	    "on push, the last 100\nimages kept", dir, dir);
	if (s->aws_account.v != NULL)
		sb_addstr(sb, ", pulled from the environments' accounts only");
	sb_addf(sb, ") and, for each service and\nenvironment, the pointer "
	    "`/%s/ENV/SERVICE/image` (SSM), which holds the tag\nthe "
	    "environment runs: `unpublished` until an image is pushed.\n",
	    s->name);
	sb_addstr(sb, "\n#### Push the images\n\nBefore an environment's "
	    "first apply, and for each release: push an image\nwith a new "
	    "tag (the git commit, say), then write that tag to the\n"
	    "environment's pointer. The plan of an environment whose pointer "
	    "is still\n`unpublished` stops, naming this step; the task "
	    "definitions run the image by\ndigest.\n\n```sh\n");
	for (v = s->services; v != NULL; v = v->next) {
		if (v->repository == NULL)
			continue;
		ci |= v->deploy == DEPLOY_CI;
		sb_addf(sb, "# %s (%s)\nREPO=$(terraform -chdir=%s output -raw "
		    "%s_repository_url)\n", v->label, v->repository, dir,
		    v->label);
		sb_addf(sb, "aws ecr get-login-password --region %s",
		    s->region[PROVIDER_AWS]);
		profile_flag(sb, s);
		sb_addstr(sb, " |\n  docker login --username AWS "
		    "--password-stdin \"${REPO%%/*}\"\n"
		    "docker build -t \"$REPO:$TAG\" . && docker push "
		    "\"$REPO:$TAG\"\n");
		sb_addf(sb, "aws ssm put-parameter --region %s",
		    s->region[PROVIDER_AWS]);
		profile_flag(sb, s);
		sb_addf(sb, " --overwrite \\\n  --name %s --value \"$TAG\"\n",
		    tf_registry_pointer(e, s, v, "ENV"));
	}
	sb_addstr(sb, "```\n");
	if (ci)
		sb_addstr(sb, "\nServices with `deploy = \"ci\"` are rolled out "
		    "by CI (an ECS deploy action)\nonce the pointer is written; "
		    "Terraform ignores their task definition, and\nthe "
		    "revisions it registers carry the pointer's image, so an "
		    "apply never\nrolls an image back. The others are rolled out "
		    "by the environment's apply.\n");
	else
		sb_addstr(sb, "\nThe environment's next apply rolls the new "
		    "image out. Promote a release by\nwriting the same tag to "
		    "the next environment's pointer.\n");
}
