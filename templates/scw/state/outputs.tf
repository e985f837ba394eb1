output "bucket" {
  description = "Name of the state bucket."
  value       = scaleway_object_bucket.state.name
}
