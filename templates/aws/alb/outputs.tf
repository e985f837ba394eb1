output "arn" {
  description = "Load balancer ARN."
  value       = aws_lb.this.arn
}

output "dns_name" {
  description = "The load balancer's own DNS name (alb_hostname)."
  value       = aws_lb.this.dns_name
}

output "zone_id" {
  description = "Hosted zone of the load balancer's DNS name, for alias records."
  value       = aws_lb.this.zone_id
}

output "security_group_id" {
  description = "Security group of the load balancer; tasks admit only this one."
  value       = aws_security_group.this.id
}

output "listener_arn" {
  description = "Listener the services attach their rules to: HTTPS, or HTTP when there is no domain."
  value       = local.https ? aws_lb_listener.https[0].arn : aws_lb_listener.http.arn
}

output "https_listener_arn" {
  description = "HTTPS listener (null without domains)."
  value       = one(aws_lb_listener.https[*].arn)
}

output "http_listener_arn" {
  description = "HTTP listener (a redirect to HTTPS when there are domains)."
  value       = aws_lb_listener.http.arn
}

output "certificate_arn" {
  description = "ARN of the issued certificate (null without domains)."
  value       = one(aws_acm_certificate_validation.this[*].certificate_arn)
}

output "validation_records" {
  description = "Validation records of the domains whose DNS is not managed here, to create at their DNS host."
  value = [
    for o in flatten(aws_acm_certificate.this[*].domain_validation_options) : {
      name  = o.resource_record_name
      type  = o.resource_record_type
      value = o.resource_record_value
    } if !contains(keys(local.managed), o.domain_name)
  ]
}
