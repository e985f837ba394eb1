variable "name" {
  description = "Name of the VPC and of its private network (<env>-<site>)."
  type        = string
}

variable "cidr" {
  description = "IPv4 subnet of the private network."
  type        = string
}
