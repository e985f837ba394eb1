variable "name" {
  description = "Name of the distribution and its origin access control."
  type        = string
}

variable "bucket_regional_domain_name" {
  description = "Regional domain name of the bucket served under /media/*."
  type        = string
}

variable "app_domain" {
  description = "Domain of the application; when set, every other path is proxied to it (static files)."
  type        = string
  default     = null
}

variable "domain" {
  description = "Custom domain of the CDN; null serves the cloudfront.net domain only."
  type        = string
  default     = null
}

variable "route53_zone" {
  description = "Route53 hosted zone holding domain; null when its DNS is managed elsewhere."
  type        = string
  default     = null
}

variable "price_class" {
  description = "PriceClass_100, PriceClass_200 or PriceClass_All."
  type        = string
  default     = "PriceClass_100"
}

variable "legacy_forwarding" {
  description = "The application's paths forward their query strings and the Authorization, Origin and CORS request headers, with TTLs 0/3600/86400."
  type        = bool
  default     = false
}
