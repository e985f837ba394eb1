/* SPDX-License-Identifier: ISC */
/* readme_scw_app.c: the README steps of a Scaleway app stack: external secrets, container domains, email, jobs. */
#include <string.h>

#include "emit.h"

static bool
operator_secrets(const struct site *s)
{
	const struct secret	*k;
	const struct email	*m;
	bool			 any = false;

	for (k = s->secrets; k != NULL; k = k->next)
		any |= k->kind == SECRET_EXTERNAL;
	for (m = s->emails; m != NULL; m = m->next)
		any |= m->send == SEND_SMTP;
	return any;
}

static bool
service_domains(const struct site *s)
{
	const struct service	*v;

	for (v = s->services; v != NULL; v = v->next)
		if (v->scw_domain.v != NULL)
			return true;
	return false;
}

bool
readme_scw_app_steps(const struct site *s)
{
	return operator_secrets(s) || service_domains(s);
}

/* The first apply of an environment: what must exist before the rest. */
void
readme_scw_app_before(struct sbuf *sb, const struct site *s,
    const char *dir)
{
	const struct secret	*k;
	const struct email	*m;
	const struct service	*v;
	bool			 first = operator_secrets(s);
	bool			 domain = service_domains(s);

	sb_addstr(sb, "\nThe first apply of an environment goes in steps: ");
	if (first)
		sb_addstr(sb, "a container reads the\nvalues of the secrets "
		    "the operator sets, so create those secrets first and "
		    "set\nthem (the commands are outputs),");
	if (first && domain)
		sb_addstr(sb, " then ");
	if (domain)
		sb_addstr(sb, "a container domain is bound only once its\n"
		    "CNAME resolves, so create the containers, then the "
		    "records,");
	sb_addstr(sb, " then apply\neverything:\n\n```sh\n");
	if (first) {
		sb_addf(sb, "terraform -chdir=%s apply "
		    "-target=terraform_data.workspace_guard", dir);
		for (k = s->secrets; k != NULL; k = k->next)
			if (k->kind == SECRET_EXTERNAL)
				sb_addf(sb, " \\\n  -target=module.secret_%s."
				    "scaleway_secret.this", k->label);
		for (m = s->emails; m != NULL; m = m->next)
			if (m->send == SEND_SMTP)
				sb_addf(sb, " \\\n  -target=module.email_%s_smtp"
				    ".scaleway_secret.this", m->label);
		sb_addstr(sb, "\n");
		for (k = s->secrets; k != NULL; k = k->next)
			if (k->kind == SECRET_EXTERNAL)
				sb_addf(sb, "terraform -chdir=%s output -raw "
				    "%s_put_secret_value  # run it, the value "
				    "on stdin\n", dir, k->label);
		for (m = s->emails; m != NULL; m = m->next)
			if (m->send == SEND_SMTP)
				sb_addf(sb, "terraform -chdir=%s output -raw "
				    "%s_email_put_smtp_password  # the API "
				    "key's secret on stdin\n", dir, m->label);
	}
	if (domain) {
		sb_addf(sb, "terraform -chdir=%s apply "
		    "-target=terraform_data.workspace_guard", dir);
		for (v = s->services; v != NULL; v = v->next)
			if (v->scw_domain.v != NULL)
				sb_addf(sb, " \\\n  -target=module.service_%s."
				    "scaleway_container.this", v->label);
		sb_addstr(sb, "\n");
		for (v = s->services; v != NULL; v = v->next)
			if (v->scw_domain.v != NULL)
				sb_addf(sb, "terraform -chdir=%s output "
				    "%s_cname_record  # create it at the DNS "
				    "host\n", dir, v->label);
	}
	sb_addstr(sb, "```\n");
}

/* After each environment's apply: email records and jobs. */
void
readme_scw_app_after(struct sbuf *sb, const struct site *s, const char *dir)
{
	const struct email	*m;
	const struct task	*t;
	size_t			 i;

	for (m = s->emails; m != NULL; m = m->next)
		sb_addf(sb, "\nEmail `%s`: create the records of `terraform "
		    "-chdir=%s output\n%s_email_records` at the domain's DNS "
		    "host; Transactional Email checks them\non its own "
		    "(`%s_email_status`). Its SMTP password is the secret key "
		    "of an API key\nwhose policy grants a Transactional Email "
		    "permission set on the project (the\nexact set name is not "
		    "confirmed here: see Scaleway's IAM permission sets).\n",
		    m->label, dir, m->label, m->label);
	for (t = s->tasks; t != NULL; t = t->next) {
		sb_addf(sb, "\nTask `%s` (`", t->label);
		for (i = 0; i < t->ncommand; i++)
			sb_addf(sb, "%s%s", i ? " " : "", t->command[i]);
		sb_addf(sb, "`) is a Serverless Jobs definition; run it once, "
		    "after the\napply that deploys a new image, with its `scw "
		    "jobs definition start` line:\n\n```sh\n"
		    "terraform -chdir=%s output -raw %s_start_job | sh\n```\n",
		    dir, t->label);
	}
}
