variable "name" {
  description = "Name of the Edge Services pipeline."
  type        = string
}

variable "bucket_name" {
  description = "Bucket served by the pipeline; its objects must be publicly readable."
  type        = string
}

variable "bucket_region" {
  description = "Region of the bucket."
  type        = string
}

variable "domain" {
  description = "Custom domain of the CDN, with a managed certificate; null serves the default endpoint only."
  type        = string
  default     = null
}
