output "bucket" {
  description = "Name of the state bucket."
  value       = aws_s3_bucket.state.bucket
}

output "kms_key_arn" {
  description = "ARN of the KMS key encrypting the state."
  value       = aws_kms_key.state.arn
}

output "lock_table" {
  description = "Name of the DynamoDB lock table, or null."
  value       = one(aws_dynamodb_table.lock[*].name)
}
