output "identifier" {
  description = "RDS identifier."
  value       = aws_db_instance.this.identifier
}

output "arn" {
  description = "RDS instance ARN."
  value       = aws_db_instance.this.arn
}

output "address" {
  description = "Host name of the instance."
  value       = aws_db_instance.this.address
}

output "port" {
  description = "Port of the instance."
  value       = aws_db_instance.this.port
}

output "endpoint" {
  description = "host:port of the instance (db_endpoint)."
  value       = "${aws_db_instance.this.address}:${aws_db_instance.this.port}"
}

output "db_name" {
  description = "Name of the database."
  value       = aws_db_instance.this.db_name
}

output "username" {
  description = "Master user name."
  value       = aws_db_instance.this.username
}

output "resource_id" {
  description = "Resource id of the instance, for rds-db:connect policies with IAM authentication."
  value       = aws_db_instance.this.resource_id
}

output "security_group_id" {
  description = "Security group of the instance."
  value       = aws_security_group.this.id
}

output "password_secret_arn" {
  description = "Secret holding the master user's username and password (JSON)."
  value       = local.password_secret_arn
}

output "password_value_from" {
  description = "valueFrom of the password in a container's secrets."
  value       = "${local.password_secret_arn}:password::"
}

output "url_secret_arn" {
  description = "Secret holding the connection URL (null unless url_secret)."
  value       = one(aws_secretsmanager_secret.url[*].arn)
}

output "secret_arns" {
  description = "Every secret of the database."
  value       = concat([local.password_secret_arn], aws_secretsmanager_secret.url[*].arn)
}
