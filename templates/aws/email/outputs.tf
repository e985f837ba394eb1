output "identity_arn" {
  description = "ARN of the SES identity, the resource of ses:SendEmail."
  value       = aws_sesv2_email_identity.this.arn
}

output "domain" {
  description = "The sending domain."
  value       = aws_sesv2_email_identity.this.email_identity
}

output "records" {
  description = "DNS records the domain needs (written to Route53 when zone_id is set)."
  value       = concat(local.dkim_records, local.mail_from_records, local.dmarc_records)
}

output "verified_for_sending" {
  description = "Whether SES may send from the identity yet (read at each refresh)."
  value       = aws_sesv2_email_identity.this.verified_for_sending_status
}

output "smtp_host" {
  description = "SES SMTP endpoint of the region."
  value       = "email-smtp.${local.region}.amazonaws.com"
}

output "smtp_port" {
  description = "SES SMTP port (STARTTLS)."
  value       = 587
}
