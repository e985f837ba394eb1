output "name" {
  description = "Bucket name."
  value       = aws_s3_bucket.this.bucket
}

output "id" {
  description = "Bucket id (its name)."
  value       = aws_s3_bucket.this.id
}

output "arn" {
  description = "Bucket ARN."
  value       = aws_s3_bucket.this.arn
}

output "region" {
  description = "Region the bucket lives in."
  value       = aws_s3_bucket.this.bucket_region
}

output "regional_domain_name" {
  description = "Regional domain name, the CloudFront origin."
  value       = aws_s3_bucket.this.bucket_regional_domain_name
}
