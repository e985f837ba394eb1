variable "domain" {
  description = "The sending domain."
  type        = string
}

variable "dmarc" {
  description = "A DMARC record to publish, or null."
  type        = string
  default     = null
}
