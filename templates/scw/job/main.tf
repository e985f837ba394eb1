# A one-off run of a service's image (a migration, an admin command), as a
# Serverless Jobs definition started with `scw jobs definition start`.
# docs/resources/job_definition.md; secret_reference reads Secret Manager
# at each run.

resource "scaleway_job_definition" "this" {
  name         = var.name
  image_uri    = var.image
  command      = var.command
  cpu_limit    = var.cpu_limit
  memory_limit = var.memory_limit
  timeout      = "1h"
  env          = var.environment

  dynamic "secret_reference" {
    for_each = var.secrets

    content {
      secret_id      = secret_reference.value
      secret_version = "latest"
      environment    = secret_reference.key
    }
  }
}
