output "domain" {
  description = "Domain to serve media from: the custom domain, or the pipeline's endpoint."
  value       = var.domain != null ? var.domain : coalesce(scaleway_edge_services_dns_stage.this.default_fqdn, local.endpoint)
}

output "endpoint" {
  description = "The pipeline's own endpoint (<pipeline id>.svc.edge.scw.cloud)."
  value       = local.endpoint
}

output "alias_record" {
  description = "Record pointing a custom domain at the pipeline, to create at its DNS host."
  value = var.domain == null ? null : {
    name  = "${var.domain}."
    type  = "CNAME"
    value = "${local.endpoint}."
  }
}
