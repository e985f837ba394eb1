output "domain" {
  description = "The sending domain."
  value       = scaleway_tem_domain.this.name
}

output "smtp_host" {
  description = "SMTP host."
  value       = scaleway_tem_domain.this.smtp_host
}

output "smtp_port" {
  description = "SMTP port (STARTTLS)."
  value       = scaleway_tem_domain.this.smtp_port
}

output "smtp_user" {
  description = "SMTP user (the project's smtps_auth_user)."
  value       = scaleway_tem_domain.this.smtps_auth_user
}

output "status" {
  description = "Whether Scaleway has checked the records yet."
  value       = scaleway_tem_domain.this.status
}

output "records" {
  description = "Records to create at the domain's DNS host."
  value = concat([
    {
      name  = var.domain
      type  = "TXT"
      value = "v=spf1 ${scaleway_tem_domain.this.spf_config} -all"
    },
    {
      name  = "${scaleway_tem_domain.this.project_id}._domainkey.${var.domain}"
      type  = "TXT"
      value = scaleway_tem_domain.this.dkim_config
    },
    {
      name  = var.domain
      type  = "MX"
      value = "10 ${scaleway_tem_domain.this.mx_blackhole}"
    },
    ], var.dmarc == null ? [] : [
    {
      name  = "_dmarc.${var.domain}"
      type  = "TXT"
      value = var.dmarc
    },
  ])
}
