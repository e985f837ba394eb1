output "repository_url" {
  description = "URL to tag and push images to."
  value       = aws_ecr_repository.this.repository_url
}

output "repository_arn" {
  description = "ARN of the repository."
  value       = aws_ecr_repository.this.arn
}

output "pointers" {
  description = "Environment => SSM parameter CI writes the deployed tag to."
  value       = { for env, p in aws_ssm_parameter.image : env => p.name }
}
