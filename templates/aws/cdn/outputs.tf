output "domain" {
  description = "Domain to serve media from: the custom domain, or the cloudfront.net one."
  value       = local.custom_domain ? var.domain : aws_cloudfront_distribution.this.domain_name
}

output "distribution_domain_name" {
  description = "The distribution's own cloudfront.net domain."
  value       = aws_cloudfront_distribution.this.domain_name
}

output "distribution_id" {
  description = "Distribution id, for cache invalidations."
  value       = aws_cloudfront_distribution.this.id
}

output "distribution_arn" {
  description = "Distribution ARN, allowed to read the bucket."
  value       = aws_cloudfront_distribution.this.arn
}

output "certificate_validation_records" {
  description = "Records proving ownership of an external domain, to create at its DNS host."
  value = local.custom_domain && !local.route53 ? [
    for o in flatten(aws_acm_certificate.this[*].domain_validation_options) : {
      name  = o.resource_record_name
      type  = o.resource_record_type
      value = o.resource_record_value
    }
  ] : []
}

output "alias_record" {
  description = "Record pointing an external domain at the distribution, to create at its DNS host."
  value = local.custom_domain && !local.route53 ? {
    name  = "${var.domain}."
    type  = "CNAME"
    value = "${aws_cloudfront_distribution.this.domain_name}."
  } : null
}
