output "name" {
  description = "Bucket name."
  value       = scaleway_object_bucket.this.name
}

output "region" {
  description = "Region the bucket lives in."
  value       = scaleway_object_bucket.this.region
}

output "endpoint" {
  description = "HTTPS endpoint of the bucket."
  value       = scaleway_object_bucket.this.endpoint
}
