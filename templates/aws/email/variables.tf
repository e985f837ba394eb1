variable "domain" {
  description = "Domain the application sends from."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$", var.domain))
    error_message = "domain must be a lowercase DNS name."
  }
}

variable "mail_from" {
  description = "Label of the MAIL FROM subdomain (mail: mail.<domain>); empty keeps SES's own."
  type        = string
  default     = "mail"

  validation {
    condition     = var.mail_from == "" || can(regex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", var.mail_from))
    error_message = "mail_from must be one DNS label (or empty)."
  }
}

variable "zone_id" {
  description = "Route53 zone of the domain, where the records are written; null: records are outputs only."
  type        = string
  default     = null
}

variable "dmarc" {
  description = "DMARC policy published at _dmarc.<domain>, such as \"v=DMARC1; p=none\"; null publishes none."
  type        = string
  default     = null

  validation {
    condition     = var.dmarc == null ? true : startswith(var.dmarc, "v=DMARC1;")
    error_message = "dmarc must be a DMARC record starting with v=DMARC1;."
  }
}
