output "user_name" {
  description = "Name of the IAM user."
  value       = aws_iam_user.this.name
}

output "access_key_id" {
  description = "Access key id of the user."
  value       = aws_iam_access_key.this.id
}

output "secret_access_key" {
  description = "Secret access key of the user."
  value       = aws_iam_access_key.this.secret
  sensitive   = true
}
