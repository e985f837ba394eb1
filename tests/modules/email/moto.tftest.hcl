# The email module against the local AWS emulator. The emulator has no
# MAIL FROM API (PutEmailIdentityMailFromAttributes), so mail_from is off
# here; the mocked tests cover it.

run "fixture" {
  module {
    source = "./fixture"
  }

  variables {
    zone = "botolphs.example.org"
  }
}

run "identity" {
  variables {
    domain    = "botolphs.example.org"
    zone_id   = run.fixture.zone_id
    mail_from = ""
    dmarc     = "v=DMARC1; p=none"
  }

  assert {
    condition     = length(aws_route53_record.dkim) == 3 && length(aws_route53_record.dmarc) == 1
    error_message = "The DKIM and DMARC records must be written in the zone."
  }
  assert {
    condition     = startswith(output.identity_arn, "arn:aws:ses:eu-west-1:")
    error_message = "The identity must exist."
  }
}
