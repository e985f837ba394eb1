# Provider configuration of the module test roots: each module is copied
# with this file into a root of its own. With endpoint set, every service
# goes to a local AWS emulator with dummy credentials; without it (mocked
# providers, terraform validate) nothing is contacted.

variable "endpoint" {
  description = "URL of a local AWS emulator; null leaves the real endpoints."
  type        = string
  default     = null
}

locals {
  emulated = var.endpoint != null
}

provider "aws" {
  region                      = "eu-west-1"
  access_key                  = local.emulated ? "test" : null
  secret_key                  = local.emulated ? "test" : null
  skip_credentials_validation = local.emulated
  skip_metadata_api_check     = true
  skip_region_validation      = local.emulated

  endpoints {
    acm            = var.endpoint
    appautoscaling = var.endpoint
    ec2            = var.endpoint
    ecs            = var.endpoint
    elbv2          = var.endpoint
    iam            = var.endpoint
    logs           = var.endpoint
    rds            = var.endpoint
    route53        = var.endpoint
    secretsmanager = var.endpoint
    sesv2          = var.endpoint
    sts            = var.endpoint
  }
}

provider "aws" {
  alias                       = "dns"
  region                      = "eu-west-1"
  access_key                  = local.emulated ? "test" : null
  secret_key                  = local.emulated ? "test" : null
  skip_credentials_validation = local.emulated
  skip_metadata_api_check     = true
  skip_region_validation      = local.emulated

  endpoints {
    route53 = var.endpoint
    sts     = var.endpoint
  }
}
