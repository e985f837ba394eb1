# One Serverless Container and, with a domain, its custom domain.
# docs/resources/container.md (provider 2.81): image, cpu_limit in mvCPU,
# memory_limit_bytes, liveness_probe (health_check is deprecated),
# https_connections_only, private_network_id.

resource "scaleway_container" "this" {
  name         = var.name
  namespace_id = var.namespace_id
  image        = var.image
  port         = var.port
  protocol     = "http1"
  privacy      = var.public ? "public" : "private"

  # Scaleway redirects plain HTTP to HTTPS.
  https_connections_only = true

  cpu_limit          = var.cpu_limit
  memory_limit_bytes = var.memory_limit_bytes
  min_scale          = var.min_scale
  max_scale          = var.max_scale
  args               = var.args
  private_network_id = var.private_network_id

  environment_variables = var.environment
  # Not write-only: the container takes secrets only this way, so their
  # values are in the state (the checker warns).
  secret_environment_variables = var.secret_environment

  scaling_option {
    cpu_usage_threshold = var.scale_cpu
  }

  liveness_probe {
    failure_threshold = 3
    interval          = "10s"
    timeout           = "5s"

    http {
      path = var.health
    }
  }
}

# Scaleway issues the certificate once the CNAME resolves to the container;
# the provider retries the binding while DNS propagates.
# docs/resources/container_domain.md
resource "scaleway_container_domain" "this" {
  count = var.domain == null ? 0 : 1

  container_id = scaleway_container.this.id
  hostname     = var.domain
}
