# The email module with mocked providers: SES v2 identity, DKIM, MAIL FROM
# and DMARC records, never the domain's own MX.

mock_provider "aws" {}

mock_provider "aws" {
  alias = "dns"
}

override_data {
  target = data.aws_region.this
  values = { region = "eu-west-1" }
}

override_resource {
  target = aws_sesv2_email_identity.this
  values = {
    arn = "arn:aws:ses:eu-west-1:123456789012:identity/botolphs.example.org"
    # A block of at most one element is mocked as an object.
    dkim_signing_attributes = {
      tokens                  = ["tok1", "tok2", "tok3"]
      next_signing_key_length = "RSA_2048_BIT"
    }
  }
}

variables {
  domain  = "botolphs.example.org"
  zone_id = "Z0123"
}

run "managed_zone" {
  command = apply

  assert {
    condition     = aws_sesv2_email_identity.this.dkim_signing_attributes[0].next_signing_key_length == "RSA_2048_BIT"
    error_message = "Easy DKIM must use 2048-bit keys."
  }
  assert {
    condition     = length(aws_route53_record.dkim) == 3 && aws_route53_record.dkim[1].name == "tok2._domainkey.botolphs.example.org" && tolist(aws_route53_record.dkim[1].records) == tolist(["tok2.dkim.amazonses.com"])
    error_message = "The three DKIM CNAMEs must be written."
  }
  assert {
    condition     = aws_sesv2_email_identity_mail_from_attributes.this[0].mail_from_domain == "mail.botolphs.example.org" && aws_sesv2_email_identity_mail_from_attributes.this[0].behavior_on_mx_failure == "USE_DEFAULT_VALUE"
    error_message = "MAIL FROM must be mail.<domain>."
  }
  assert {
    condition     = aws_route53_record.mail_from[0].type == "MX" && tolist(aws_route53_record.mail_from[0].records) == tolist(["10 feedback-smtp.eu-west-1.amazonses.com"]) && aws_route53_record.mail_from[1].type == "TXT" && aws_route53_record.mail_from[1].name == "mail.botolphs.example.org"
    error_message = "MAIL FROM must get its MX and SPF records."
  }
  assert {
    condition     = alltrue([for r in concat(aws_route53_record.dkim, aws_route53_record.mail_from) : !(r.type == "MX" && r.name == "botolphs.example.org")])
    error_message = "The domain's own MX must never be written."
  }
  assert {
    condition     = length(aws_route53_record.dmarc) == 0
    error_message = "DMARC is written only when asked for."
  }
  assert {
    condition     = output.identity_arn == "arn:aws:ses:eu-west-1:123456789012:identity/botolphs.example.org" && output.smtp_host == "email-smtp.eu-west-1.amazonaws.com" && output.smtp_port == 587
    error_message = "Outputs differ."
  }
}

run "external_dns_with_dmarc" {
  command = apply

  variables {
    zone_id = null
    dmarc   = "v=DMARC1; p=none"
  }

  assert {
    condition     = length(aws_route53_record.dkim) + length(aws_route53_record.mail_from) + length(aws_route53_record.dmarc) == 0
    error_message = "Without a managed zone no record is written."
  }
  assert {
    condition     = length(output.records) == 6 && output.records[5].name == "_dmarc.botolphs.example.org" && output.records[5].value == "v=DMARC1; p=none"
    error_message = "Every record must be an output, DMARC included."
  }
  assert {
    condition     = alltrue([for r in output.records : !(r.type == "MX" && r.name == "botolphs.example.org")])
    error_message = "The domain's own MX must never be asked for."
  }
}

run "no_mail_from" {
  command = apply

  variables {
    mail_from = ""
  }

  assert {
    condition     = length(aws_sesv2_email_identity_mail_from_attributes.this) == 0 && length(aws_route53_record.mail_from) == 0
    error_message = "An empty mail_from keeps SES's own MAIL FROM."
  }
}

run "bad_dmarc" {
  command = plan

  variables {
    dmarc = "p=reject"
  }

  expect_failures = [var.dmarc]
}
