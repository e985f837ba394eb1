
variable "aws_region" {
  type    = "string"
  default = "eu-west-1"
}

variable "site" {
  type = "string"
}

variable "cloudfront_price_class" {
  type = "map"

  default = {
    production = "PriceClass_All"
  }
}

variable "media_expiration" {
  type    = "string"
  default = 0
}

variable "app_domain" {
  type = "map"
}
