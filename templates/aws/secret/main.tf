# One Secrets Manager secret of an environment, injected into containers by
# ARN. A generated value comes from an ephemeral resource and is written
# write-only, so it is never in the state or the plan; an external secret
# is created empty and the operator puts its value.

data "aws_region" "this" {}

locals {
  generated = var.generate != null
}

resource "aws_secretsmanager_secret" "this" {
  name                    = var.name
  description             = var.description
  recovery_window_in_days = var.recovery_days
}

# terraform-provider-aws website/docs/ephemeral-resources/
# secretsmanager_random_password.html.markdown: letters and digits.
ephemeral "aws_secretsmanager_random_password" "this" {
  count = local.generated ? 1 : 0

  password_length     = var.generate
  exclude_punctuation = true
}

# A new value is written only when value_version changes
# (terraform-provider-aws website/docs/r/
# secretsmanager_secret_version.html.markdown, secret_string_wo).
resource "aws_secretsmanager_secret_version" "this" {
  count = local.generated ? 1 : 0

  secret_id                = aws_secretsmanager_secret.this.id
  secret_string_wo         = ephemeral.aws_secretsmanager_random_password.this[0].random_password
  secret_string_wo_version = var.value_version
}
