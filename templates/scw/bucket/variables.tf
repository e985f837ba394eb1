variable "name" {
  description = "Bucket name, unique across all of Scaleway Object Storage."
  type        = string
}

variable "region" {
  description = "Object Storage region: fr-par, nl-ams or pl-waw."
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

variable "cors_origins" {
  description = "Origins allowed to read objects from a browser."
  type        = list(string)
  default     = ["*"]
}

variable "public_read" {
  description = "Let anyone read the objects; Edge Services needs this to serve them."
  type        = bool
  default     = false
}

variable "operator_user_id" {
  description = "IAM user running Terraform; a bucket policy locks out everyone it does not list."
  type        = string
}

variable "application_ids" {
  description = "IAM applications allowed to use the objects."
  type        = list(string)
  default     = []
}
