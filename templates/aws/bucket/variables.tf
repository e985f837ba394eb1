variable "name" {
  description = "Bucket name, unique across all of S3."
  type        = string
}

variable "expiration_days" {
  description = "Days before objects expire; 0 keeps every object, versioned."
  type        = number
  default     = 0

  validation {
    condition     = var.expiration_days >= 0
    error_message = "expiration_days must be 0 or more."
  }
}

variable "noncurrent_expiration_days" {
  description = "Days before an old version of a versioned object expires; 0 keeps every version."
  type        = number
  default     = 90

  validation {
    condition     = var.noncurrent_expiration_days >= 0
    error_message = "noncurrent_expiration_days must be 0 or more."
  }
}

variable "cors_origins" {
  description = "Origins allowed to read objects from a browser."
  type        = list(string)
  default     = ["*"]
}

variable "public_read" {
  description = "Let anyone read the objects (the bucket stays private otherwise)."
  type        = bool
  default     = false
}

variable "cloudfront_distribution_arns" {
  description = "CloudFront distributions allowed to read objects through origin access control."
  type        = list(string)
  default     = []
}

variable "legacy_readers" {
  description = "While an adopted distribution switches from its origin access identity to origin access control: the identity, and the account whose distributions may read meanwhile."
  type = object({
    oai_iam_arn = string
    account_id  = string
  })
  default = null
}
