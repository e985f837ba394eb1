output "endpoint" {
  description = "The container's own HTTPS endpoint."
  value       = scaleway_container.this.public_endpoint
}

output "cname_record" {
  description = "The CNAME to create at the DNS host of the domain, or null."
  value = var.domain == null ? null : {
    name  = var.domain
    type  = "CNAME"
    value = "${trimprefix(scaleway_container.this.public_endpoint, "https://")}."
  }
}
