variable "name" {
  description = "Name of the network (<env>-<site>), in the Name tag of everything it creates."
  type        = string
}

variable "cidr" {
  description = "IPv4 range of the VPC, /16 to /22; ignored with vpc_id."
  type        = string
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrhost(var.cidr, 0)) && tonumber(split("/", var.cidr)[1]) >= 16 && tonumber(split("/", var.cidr)[1]) <= 22
    error_message = "cidr must be an IPv4 range with a prefix of /16 to /22."
  }
}

variable "zones" {
  description = "Number of availability zones the subnets span (2 to 6)."
  type        = number
  default     = 2

  validation {
    condition     = var.zones >= 2 && var.zones <= 6 && floor(var.zones) == var.zones
    error_message = "zones must be a whole number from 2 to 6."
  }
}

variable "nat" {
  description = "Outbound path of the private subnets: none (tasks in public subnets), single, regional or per_zone."
  type        = string
  default     = "none"

  validation {
    condition     = contains(["none", "single", "regional", "per_zone"], var.nat)
    error_message = "nat must be one of none, single, regional, per_zone."
  }
}

variable "endpoints" {
  description = "VPC endpoints: s3 is a gateway endpoint, any other name (ecr.api, ecr.dkr, logs, secretsmanager) an interface endpoint."
  type        = list(string)
  default     = ["s3"]

  validation {
    condition     = alltrue([for e in var.endpoints : can(regex("^[a-z0-9][a-z0-9.-]*$", e))])
    error_message = "endpoints are AWS service names such as s3, ecr.api or logs."
  }
}

variable "vpc_id" {
  description = "An existing VPC to use; nothing is created and the subnets below are required."
  type        = string
  default     = null
}

variable "public_subnet_ids" {
  description = "With vpc_id: subnets of the load balancer (and of the tasks when nat is none)."
  type        = list(string)
  default     = []

  validation {
    condition     = var.vpc_id == null || length(var.public_subnet_ids) >= 2
    error_message = "An existing VPC needs at least two public_subnet_ids."
  }
}

variable "private_subnet_ids" {
  description = "With vpc_id: subnets of the database (and of the tasks when nat is not none)."
  type        = list(string)
  default     = []

  validation {
    condition     = var.vpc_id == null || length(var.private_subnet_ids) >= 2
    error_message = "An existing VPC needs at least two private_subnet_ids."
  }
}
