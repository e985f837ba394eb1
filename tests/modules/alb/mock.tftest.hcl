# The load balancer module with mocked providers.

# The provider still validates ARNs in arguments: mocked ones look real.
mock_provider "aws" {
  mock_resource "aws_lb" {
    defaults = {
      arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/prod-botolph/0123456789abcdef"
    }
  }
  mock_resource "aws_acm_certificate_validation" {
    defaults = {
      certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000001"
    }
  }
}

mock_provider "aws" {
  alias = "dns"
}

variables {
  name       = "prod-botolph"
  vpc_id     = "vpc-0123"
  subnet_ids = ["subnet-a", "subnet-b"]
  domains    = ["www.botolphs.example.org", "api.example.net"]
  zone_ids   = { "www.botolphs.example.org" = "Z0123" }
}

override_resource {
  target = aws_acm_certificate.this
  values = {
    arn = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000001"
    domain_validation_options = [
      {
        domain_name           = "www.botolphs.example.org"
        resource_record_name  = "_a1.www.botolphs.example.org."
        resource_record_type  = "CNAME"
        resource_record_value = "_b1.acm-validations.aws."
      },
      {
        domain_name           = "api.example.net"
        resource_record_name  = "_a2.api.example.net."
        resource_record_type  = "CNAME"
        resource_record_value = "_b2.acm-validations.aws."
      },
    ]
  }
}

run "https" {
  command = apply

  assert {
    condition     = aws_lb_listener.https[0].ssl_policy == "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09"
    error_message = "The HTTPS listener must use the 2025 post-quantum TLS policy."
  }
  assert {
    condition     = aws_lb_listener.https[0].certificate_arn == aws_acm_certificate_validation.this[0].certificate_arn
    error_message = "The HTTPS listener must take the validated certificate."
  }
  assert {
    condition     = aws_acm_certificate.this[0].domain_name == "www.botolphs.example.org" && tolist(aws_acm_certificate.this[0].subject_alternative_names) == tolist(["api.example.net"]) && aws_acm_certificate.this[0].validation_method == "DNS"
    error_message = "One DNS-validated certificate must cover every domain."
  }
  assert {
    condition     = aws_lb_listener.http.default_action[0].type == "redirect" && aws_lb_listener.http.default_action[0].redirect[0].protocol == "HTTPS" && aws_lb_listener.http.default_action[0].redirect[0].status_code == "HTTP_301"
    error_message = "HTTP must redirect to HTTPS with a 301."
  }
  assert {
    condition     = aws_lb_listener.https[0].routing_http_response_strict_transport_security_header_value == "max-age=31536000; includeSubDomains" && !aws_lb_listener.https[0].routing_http_response_server_enabled
    error_message = "HTTPS responses must carry HSTS and no Server header."
  }
  assert {
    condition     = aws_lb.this.drop_invalid_header_fields && aws_lb.this.enable_deletion_protection && !aws_lb.this.internal
    error_message = "The ALB must drop invalid headers and be protected from deletion."
  }
  assert {
    condition     = keys(aws_route53_record.validation) == ["www.botolphs.example.org"] && aws_route53_record.validation["www.botolphs.example.org"].name == "_a1.www.botolphs.example.org." && aws_route53_record.validation["www.botolphs.example.org"].zone_id == "Z0123"
    error_message = "Only the managed domain's validation record must be written, in its zone."
  }
  assert {
    condition     = length(output.validation_records) == 1 && output.validation_records[0].name == "_a2.api.example.net." && output.validation_records[0].value == "_b2.acm-validations.aws."
    error_message = "The external domain's validation record must be an output."
  }
  assert {
    condition     = output.listener_arn == aws_lb_listener.https[0].arn
    error_message = "Services must attach to the HTTPS listener."
  }
  assert {
    condition     = toset(keys(aws_vpc_security_group_ingress_rule.web)) == toset(["80", "443"])
    error_message = "The ALB must admit HTTP and HTTPS."
  }
}

run "http_only_without_domains" {
  command = apply

  variables {
    domains  = []
    zone_ids = {}
  }

  assert {
    condition     = length(aws_lb_listener.https) == 0 && length(aws_acm_certificate.this) == 0
    error_message = "Without domains there is no certificate and no HTTPS listener."
  }
  assert {
    condition     = aws_lb_listener.http.default_action[0].type == "fixed-response" && output.listener_arn == aws_lb_listener.http.arn
    error_message = "Without domains services attach to the HTTP listener, whose default is a 404."
  }
  assert {
    condition     = keys(aws_vpc_security_group_ingress_rule.web) == ["80"]
    error_message = "Without domains only HTTP is open."
  }
}

run "access_logs" {
  command = plan

  variables {
    access_logs_bucket  = "botolphs-logs"
    deletion_protection = false
  }

  assert {
    condition     = aws_lb.this.access_logs[0].bucket == "botolphs-logs" && aws_lb.this.access_logs[0].enabled && !aws_lb.this.enable_deletion_protection
    error_message = "Access logs must go to the given bucket."
  }
}

run "name_too_long" {
  command = plan

  variables {
    name = "production-a-site-with-a-long-name"
  }

  expect_failures = [var.name]
}
