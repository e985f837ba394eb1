/* SPDX-License-Identifier: ISC */
/* readme_app.c: the README steps of an AWS app stack: first-account roles, secrets, tasks, SES. */
#include <string.h>

#include "emit.h"

/* True when a service domain's validation records are not managed here. */
static bool
external_service_domain(const struct site *s)
{
	const struct service	*v;
	size_t			 i;

	for (v = s->services; v != NULL; v = v->next)
		for (i = 0; v->domain.v != NULL && i < s->nenv; i++)
			if (v->zone[i] == NULL ||
			    v->zone[i]->dns != DNS_ROUTE53)
				return true;
	return false;
}

/* Before the first apply of an app stack in an account. */
void
readme_app_before(struct sbuf *sb, const struct site *s)
{
	if (s->services == NULL)
		return;
	sb_addstr(sb, "\nIn an AWS account that has never run ECS, create its "
	    "service-linked roles\nonce before the first apply (\"has been "
	    "taken\" means they already exist):\n\n```sh\n"
	    "aws iam create-service-linked-role --aws-service-name "
	    "ecs.amazonaws.com\n"
	    "aws iam create-service-linked-role --aws-service-name "
	    "ecs.application-autoscaling.amazonaws.com\n```\n");
}

/* The services read secrets when they start: restart them after a change. */
static void
restart(struct sbuf *sb, const struct site *s)
{
	const struct service	*v;

	if (s->services == NULL)
		return;
	sb_addstr(sb, "\nRunning tasks read secrets only when they start; "
	    "restart the services:\n\n```sh\n");
	for (v = s->services; v != NULL; v = v->next)
		sb_addf(sb, "aws ecs update-service --region %s --cluster "
		    "ENV-%s --service ENV-%s-%s --force-new-deployment\n",
		    s->region[PROVIDER_AWS], s->name, s->name, v->label);
	sb_addstr(sb, "```\n");
}

/* After each environment's apply: secrets, tasks, email, DNS. */
void
readme_app_after(struct emit *e, struct sbuf *sb, const struct site *s,
    const char *dir)
{
	const struct secret	*k;
	const struct email	*m;
	const struct task	*t;
	const char		*region = s->region[PROVIDER_AWS];
	bool			 external = false;

	if (!site_has_app(s))
		return;
	if (external_service_domain(s))
		sb_addf(sb, "\nA service domain's DNS is not managed here: while "
		    "the apply waits for its\ncertificate, create the records "
		    "of `terraform -chdir=%s output\nvalidation_records` at the "
		    "DNS host, then point the domain at `alb_hostname`.\n",
		    dir);
	for (k = s->secrets; k != NULL; k = k->next)
		if (k->kind == SECRET_EXTERNAL) {
			sb_addf(sb, "\nSecret `%s` is set by hand in each "
			    "environment ENV, its value on stdin:\n\n```sh\n"
			    "aws secretsmanager put-secret-value --region %s "
			    "--secret-id /%s/ENV/%s --secret-string "
			    "file:///dev/stdin\n```\n", k->label, region,
			    s->name, k->label);
			external = true;
		}
	for (m = s->emails; m != NULL; m = m->next) {
		if (m->send == SEND_SMTP)
			sb_addf(sb, "\nEmail `%s` sends through SMTP: create "
			    "SMTP credentials in the SES console\n(%s), then "
			    "store them for each environment ENV:\n\n```sh\n"
			    "printf '{\"user\":\"%%s\",\"password\":\"%%s\"}' "
			    "\"$SMTP_USER\" \"$SMTP_PASSWORD\" |\n"
			    "  aws secretsmanager put-secret-value --region %s "
			    "--secret-id /%s/ENV/email/%s/smtp --secret-string "
			    "file:///dev/stdin\n```\n", m->label, m->region,
			    m->region, s->name, m->label);
		external |= m->send == SEND_SMTP;
		sb_addf(sb, "\nEmail `%s`: SES verifies the domain on its own "
		    "once the records exist\n(`terraform -chdir=%s output "
		    "%s_email_verified`; the records are in\n`%s_email_records`). "
		    "A new account sends only to verified addresses until\nSES "
		    "production access is granted: request it once per account "
		    "and region\n(%s) in the SES console; no API or Terraform "
		    "resource can.\n", m->label, dir, m->label, m->label,
		    m->region);
	}
	if (external)
		restart(sb, s);
	for (t = s->tasks; t != NULL; t = t->next) {
		struct sbuf	cmd = SBUF_INIT;
		size_t		i;

		for (i = 0; i < t->ncommand; i++)
			sb_addf(&cmd, "%s%s", i ? " " : "", t->command[i]);
		sb_addf(sb, "\nTask `%s` (`%s`) runs on demand, after the "
		    "apply that deploys a new image; its\n`aws ecs run-task` "
		    "line, with this environment's subnets and security\n"
		    "group, is an output:\n\n```sh\n"
		    "terraform -chdir=%s output -raw %s_run_task | sh\n```\n",
		    t->label, cmd.buf, dir, t->label);
		sb_release(&cmd);
	}
}
