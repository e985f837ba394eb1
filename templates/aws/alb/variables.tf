variable "name" {
  description = "Name of the load balancer (<env>-<site>), at most 32 characters."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9]([A-Za-z0-9-]{0,30}[A-Za-z0-9])?$", var.name))
    error_message = "name must be 1 to 32 letters, digits or hyphens, not starting or ending with a hyphen."
  }
}

variable "vpc_id" {
  description = "VPC of the load balancer."
  type        = string
}

variable "subnet_ids" {
  description = "Public subnets of the load balancer, in at least two zones."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "An application load balancer needs subnets in at least two zones."
  }
}

variable "domains" {
  description = "Domains of the public services; one certificate covers them all. Empty: HTTP only."
  type        = list(string)
  default     = []

  validation {
    condition     = length(var.domains) == length(distinct(var.domains)) && length(var.domains) <= 100
    error_message = "domains must be distinct, at most 100 (ACM's limit of names per certificate)."
  }
}

variable "zone_ids" {
  description = "Route53 zone id of each domain whose validation records are written here; others are outputs."
  type        = map(string)
  default     = {}
}

variable "tls_policy" {
  description = "TLS security policy of the HTTPS listener."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09"

  validation {
    condition     = startswith(var.tls_policy, "ELBSecurityPolicy-")
    error_message = "tls_policy must be an ELB security policy name (ELBSecurityPolicy-...)."
  }
}

variable "hsts" {
  description = "Strict-Transport-Security header of every HTTPS response; empty sends none."
  type        = string
  default     = "max-age=31536000; includeSubDomains"
}

variable "deletion_protection" {
  description = "Refuse to delete the load balancer until this is turned off."
  type        = bool
  default     = true
}

variable "idle_timeout" {
  description = "Seconds a connection may stay idle."
  type        = number
  default     = 60

  validation {
    condition     = var.idle_timeout >= 1 && var.idle_timeout <= 4000
    error_message = "idle_timeout must be 1 to 4000 seconds."
  }
}

variable "access_logs_bucket" {
  description = "Existing bucket (with the ELB log-delivery policy) receiving access logs; null keeps none."
  type        = string
  default     = null
}

variable "access_logs_prefix" {
  description = "Key prefix of the access logs in access_logs_bucket."
  type        = string
  default     = null
}
