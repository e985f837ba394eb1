variable "bucket" {
  description = "Name of the state bucket."
  type        = string
}

variable "lock_table" {
  description = "Name of the DynamoDB lock table; null when the state is locked with S3 lock files."
  type        = string
  default     = null
}
