# The load balancer module applied against the local AWS emulator, with a
# certificate validated through a Route53 zone.

run "fixture" {
  module {
    source = "./fixture"
  }

  variables {
    zone = "botolphs.example.org"
  }
}

run "https" {
  variables {
    name                = "test-botolph"
    vpc_id              = run.fixture.vpc_id
    subnet_ids          = run.fixture.subnet_ids
    domains             = ["www.botolphs.example.org"]
    zone_ids            = { "www.botolphs.example.org" = run.fixture.zone_id }
    deletion_protection = false
  }

  assert {
    condition     = aws_lb_listener.https[0].ssl_policy == "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09" && aws_lb_listener.https[0].certificate_arn == aws_acm_certificate.this[0].arn
    error_message = "The HTTPS listener must use the validated certificate and the PQ policy."
  }
  assert {
    condition     = output.dns_name != "" && length(output.validation_records) == 0
    error_message = "The ALB must have a DNS name and no record left to create by hand."
  }
}
