# CloudFront in front of a private bucket (origin access control), with
# /media/* served from the bucket and, when app_domain is set, every other
# path proxied to the application. A custom domain gets an ACM certificate
# in us-east-1, validated in the same apply.

locals {
  custom_domain = var.domain != null
  route53       = var.domain != null && var.route53_zone != null
  default_to    = var.app_domain == null ? "media" : "app"
  legacy        = var.legacy_forwarding && var.app_domain != null
}

resource "aws_cloudfront_origin_access_control" "this" {
  name                              = var.name
  description                       = "Signed requests from CloudFront to the bucket of ${var.name}"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

data "aws_cloudfront_cache_policy" "optimized" {
  name = "Managed-CachingOptimized"
}

data "aws_cloudfront_origin_request_policy" "s3_cors" {
  name = "Managed-CORS-S3Origin"
}

data "aws_cloudfront_origin_request_policy" "app_cors" {
  name = "Managed-CORS-CustomOrigin"
}

# legacy_forwarding: the application's paths forward what the richie site
# factory's distribution forwarded (its query strings, and Authorization for
# htaccess-protected environments), with its TTLs. CloudFront forwards
# Authorization only as part of the cache key.
resource "aws_cloudfront_cache_policy" "legacy" {
  count = local.legacy ? 1 : 0

  name        = "${var.name}-legacy"
  comment     = "What the application's paths of ${var.name} forwarded before siteinfra"
  min_ttl     = 0
  default_ttl = 3600
  max_ttl     = 86400

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_brotli = true
    enable_accept_encoding_gzip   = true

    cookies_config {
      cookie_behavior = "none"
    }

    headers_config {
      header_behavior = "whitelist"

      headers {
        items = ["Access-Control-Request-Headers", "Access-Control-Request-Method", "Authorization", "Origin"]
      }
    }

    query_strings_config {
      query_string_behavior = "all"
    }
  }
}

resource "aws_acm_certificate" "this" {
  count    = local.custom_domain ? 1 : 0
  provider = aws.us_east_1

  domain_name       = var.domain
  validation_method = "DNS"

  lifecycle {
    create_before_destroy = true
  }
}

data "aws_route53_zone" "this" {
  count = local.route53 ? 1 : 0

  name         = var.route53_zone
  private_zone = false
}

resource "aws_route53_record" "validation" {
  for_each = local.route53 ? {
    for o in flatten(aws_acm_certificate.this[*].domain_validation_options) : o.domain_name => o
  } : {}

  zone_id         = data.aws_route53_zone.this[0].zone_id
  name            = each.value.resource_record_name
  type            = each.value.resource_record_type
  records         = [each.value.resource_record_value]
  ttl             = 300
  allow_overwrite = true
}

# Waits until the certificate is issued, so the distribution below can use
# it in the same apply.
resource "aws_acm_certificate_validation" "this" {
  count    = local.custom_domain ? 1 : 0
  provider = aws.us_east_1

  certificate_arn         = aws_acm_certificate.this[0].arn
  validation_record_fqdns = local.route53 ? [for r in aws_route53_record.validation : r.fqdn] : null
}

resource "aws_cloudfront_distribution" "this" {
  enabled         = true
  is_ipv6_enabled = true
  http_version    = "http2and3"
  comment         = var.name
  price_class     = var.price_class
  aliases         = local.custom_domain ? [var.domain] : []

  origin {
    origin_id                = "media"
    domain_name              = var.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.this.id
  }

  dynamic "origin" {
    for_each = var.app_domain == null ? [] : [var.app_domain]

    content {
      origin_id   = "app"
      domain_name = origin.value

      custom_origin_config {
        http_port              = 80
        https_port             = 443
        origin_protocol_policy = "https-only"
        origin_ssl_protocols   = ["TLSv1.2"]
      }
    }
  }

  default_cache_behavior {
    target_origin_id         = local.default_to
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = ["GET", "HEAD", "OPTIONS"]
    cached_methods           = ["GET", "HEAD", "OPTIONS"]
    compress                 = true
    cache_policy_id          = local.legacy ? aws_cloudfront_cache_policy.legacy[0].id : data.aws_cloudfront_cache_policy.optimized.id
    origin_request_policy_id = local.legacy ? null : var.app_domain == null ? data.aws_cloudfront_origin_request_policy.s3_cors.id : data.aws_cloudfront_origin_request_policy.app_cors.id
  }

  ordered_cache_behavior {
    path_pattern             = "/media/*"
    target_origin_id         = "media"
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = ["GET", "HEAD", "OPTIONS"]
    cached_methods           = ["GET", "HEAD", "OPTIONS"]
    compress                 = true
    cache_policy_id          = data.aws_cloudfront_cache_policy.optimized.id
    origin_request_policy_id = data.aws_cloudfront_origin_request_policy.s3_cors.id
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
      locations        = []
    }
  }

  # The cloudfront.net certificate always negotiates CloudFront's default
  # policy; TLSv1.2_2021 applies to the custom domain's certificate.
  viewer_certificate {
    cloudfront_default_certificate = !local.custom_domain
    acm_certificate_arn            = one(aws_acm_certificate_validation.this[*].certificate_arn)
    ssl_support_method             = local.custom_domain ? "sni-only" : null
    minimum_protocol_version       = local.custom_domain ? "TLSv1.2_2021" : "TLSv1"
  }
}

resource "aws_route53_record" "alias" {
  for_each = local.route53 ? toset(["A", "AAAA"]) : toset([])

  zone_id = data.aws_route53_zone.this[0].zone_id
  name    = var.domain
  type    = each.value

  alias {
    name                   = aws_cloudfront_distribution.this.domain_name
    zone_id                = aws_cloudfront_distribution.this.hosted_zone_id
    evaluate_target_health = false
  }
}
