# The load balancer of one environment: every public service of the site
# behind one ALB. HTTP redirects to HTTPS; the HTTPS listener takes its
# certificate from the validation resource, so it is created only once ACM
# has issued it (ELB refuses a pending certificate: UnsupportedCertificate,
# terraform-provider-aws #26245). Services add their own listener rules and
# the egress rule from this security group to theirs.

locals {
  https = length(var.domains) > 0

  # Domains whose zone is managed here get their validation records written.
  managed = { for d in var.domains : d => var.zone_ids[d] if contains(keys(var.zone_ids), d) }
}

resource "aws_security_group" "this" {
  name        = "${var.name}-alb"
  description = "Load balancer of ${var.name}: HTTP and HTTPS from anywhere"
  vpc_id      = var.vpc_id

  tags = {
    Name = "${var.name}-alb"
  }
}

resource "aws_vpc_security_group_ingress_rule" "web" {
  for_each = toset(local.https ? ["80", "443"] : ["80"])

  security_group_id = aws_security_group.this.id
  description       = each.key == "80" ? "HTTP, redirected to HTTPS" : "HTTPS"
  ip_protocol       = "tcp"
  from_port         = tonumber(each.key)
  to_port           = tonumber(each.key)
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_lb" "this" {
  name               = var.name
  load_balancer_type = "application"
  internal           = false
  security_groups    = [aws_security_group.this.id]
  subnets            = var.subnet_ids
  idle_timeout       = var.idle_timeout

  # Malformed headers are dropped rather than passed to the application.
  drop_invalid_header_fields = true
  enable_deletion_protection = var.deletion_protection

  dynamic "access_logs" {
    for_each = var.access_logs_bucket == null ? [] : [var.access_logs_bucket]

    content {
      bucket  = access_logs.value
      prefix  = var.access_logs_prefix
      enabled = true
    }
  }
}

resource "aws_acm_certificate" "this" {
  count = local.https ? 1 : 0

  domain_name               = var.domains[0]
  subject_alternative_names = slice(var.domains, 1, length(var.domains))
  validation_method         = "DNS"

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_route53_record" "validation" {
  for_each = local.managed
  provider = aws.dns

  zone_id = each.value
  name = one([
    for o in aws_acm_certificate.this[0].domain_validation_options : o.resource_record_name if o.domain_name == each.key
  ])
  type = one([
    for o in aws_acm_certificate.this[0].domain_validation_options : o.resource_record_type if o.domain_name == each.key
  ])
  records = [one([
    for o in aws_acm_certificate.this[0].domain_validation_options : o.resource_record_value if o.domain_name == each.key
  ])]
  ttl             = 300
  allow_overwrite = true
}

# Waits until the certificate is issued. With external DNS it waits for
# the records of output validation_records to be created by hand.
resource "aws_acm_certificate_validation" "this" {
  count = local.https ? 1 : 0

  certificate_arn         = aws_acm_certificate.this[0].arn
  validation_record_fqdns = length(local.managed) > 0 ? [for r in aws_route53_record.validation : r.fqdn] : null
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  routing_http_response_server_enabled = false

  default_action {
    type = local.https ? "redirect" : "fixed-response"

    dynamic "redirect" {
      for_each = local.https ? [1] : []

      content {
        protocol    = "HTTPS"
        port        = "443"
        status_code = "HTTP_301"
      }
    }

    dynamic "fixed_response" {
      for_each = local.https ? [] : [1]

      content {
        content_type = "text/plain"
        message_body = "Not found"
        status_code  = "404"
      }
    }
  }
}

# The TLS policy is a plain string to the provider; AWS lists the names
# (ELB guide, "Security policies for your Application Load Balancer").
# ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09 is its recommended policy:
# TLS 1.3 and restricted TLS 1.2 with hybrid post-quantum key exchange.
resource "aws_lb_listener" "https" {
  count = local.https ? 1 : 0

  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.tls_policy
  certificate_arn   = aws_acm_certificate_validation.this[0].certificate_arn

  # Response headers set by the listener (terraform-provider-aws
  # website/docs/r/lb_listener.html.markdown, routing_http_response_*).
  routing_http_response_strict_transport_security_header_value = var.hsts == "" ? null : var.hsts
  routing_http_response_server_enabled                         = false

  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      message_body = "Not found"
      status_code  = "404"
    }
  }
}
