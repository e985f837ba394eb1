variable "name" {
  description = "Name of the IAM user (and of its inline policy)."
  type        = string
}

variable "bucket_arns" {
  description = "ARNs of the buckets the access key may use; it reaches nothing else."
  type        = list(string)
}
