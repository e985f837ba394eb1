output "arn" {
  description = "ARN of the secret: the valueFrom of a container secret."
  value       = aws_secretsmanager_secret.this.arn
}

output "name" {
  description = "Name of the secret."
  value       = aws_secretsmanager_secret.this.name
}

output "generated" {
  description = "Whether Terraform generates the value."
  value       = local.generated
}

output "put_value_command" {
  description = "Command that sets an external secret's value from standard input (null when generated)."
  value       = local.generated ? null : "aws secretsmanager put-secret-value --region ${data.aws_region.this.region} --secret-id ${aws_secretsmanager_secret.this.name} --secret-string file:///dev/stdin"
}
