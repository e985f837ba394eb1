output "application_id" {
  description = "Id of the IAM application, listed in the bucket policies."
  value       = scaleway_iam_application.this.id
}

output "access_key" {
  description = "Access key of the application."
  value       = scaleway_iam_api_key.this.access_key
}

output "secret_key" {
  description = "Secret key of the application."
  value       = scaleway_iam_api_key.this.secret_key
  sensitive   = true
}
