variable "bucket" {
  description = "Name of the state bucket."
  type        = string
}

variable "region" {
  description = "Object Storage region of the state bucket."
  type        = string
}

variable "operator_user_id" {
  description = "IAM user running Terraform: the only one the bucket policy admits."
  type        = string
}
