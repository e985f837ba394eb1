# Sending email from a domain with SES v2: the identity with Easy DKIM
# (2048-bit keys), a MAIL FROM subdomain so SPF aligns, and an optional
# DMARC record. The records go to Route53 when the zone is managed here,
# and are outputs otherwise. The domain's own MX is never written: receiving
# mail stays wherever it is. SES verifies asynchronously; nothing waits.
# terraform-provider-aws website/docs/r/sesv2_email_identity.html.markdown,
# sesv2_email_identity_mail_from_attributes.html.markdown.

data "aws_region" "this" {}

locals {
  managed   = var.zone_id != null
  mail_from = var.mail_from == "" ? null : "${var.mail_from}.${var.domain}"
  region    = data.aws_region.this.region

  # Easy DKIM always publishes three tokens.
  tokens = aws_sesv2_email_identity.this.dkim_signing_attributes[0].tokens

  dkim_records = [for i in range(3) : {
    name  = "${local.tokens[i]}._domainkey.${var.domain}"
    type  = "CNAME"
    value = "${local.tokens[i]}.dkim.amazonses.com"
  }]
  mail_from_records = local.mail_from == null ? [] : [
    {
      name  = local.mail_from
      type  = "MX"
      value = "10 feedback-smtp.${local.region}.amazonses.com"
    },
    {
      name  = local.mail_from
      type  = "TXT"
      value = "v=spf1 include:amazonses.com ~all"
    },
  ]
  dmarc_records = var.dmarc == null ? [] : [{
    name  = "_dmarc.${var.domain}"
    type  = "TXT"
    value = var.dmarc
  }]
}

resource "aws_sesv2_email_identity" "this" {
  email_identity = var.domain

  dkim_signing_attributes {
    next_signing_key_length = "RSA_2048_BIT"
  }
}

resource "aws_sesv2_email_identity_mail_from_attributes" "this" {
  count = local.mail_from == null ? 0 : 1

  email_identity         = aws_sesv2_email_identity.this.email_identity
  mail_from_domain       = local.mail_from
  behavior_on_mx_failure = "USE_DEFAULT_VALUE"
}

resource "aws_route53_record" "dkim" {
  count    = local.managed ? 3 : 0
  provider = aws.dns

  zone_id = var.zone_id
  name    = local.dkim_records[count.index].name
  type    = "CNAME"
  ttl     = 1800
  records = [local.dkim_records[count.index].value]
}

resource "aws_route53_record" "mail_from" {
  count    = local.managed ? length(local.mail_from_records) : 0
  provider = aws.dns

  zone_id = var.zone_id
  name    = local.mail_from_records[count.index].name
  type    = local.mail_from_records[count.index].type
  ttl     = 1800
  records = [local.mail_from_records[count.index].value]
}

# Created only when asked for, and never over an existing record.
resource "aws_route53_record" "dmarc" {
  count    = local.managed && var.dmarc != null ? 1 : 0
  provider = aws.dns

  zone_id         = var.zone_id
  name            = local.dmarc_records[0].name
  type            = "TXT"
  ttl             = 1800
  records         = [var.dmarc]
  allow_overwrite = false
}
