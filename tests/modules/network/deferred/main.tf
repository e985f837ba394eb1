# The network module behind depends_on, as the generated roots call it
# (after the workspace guard): its data sources are read only at apply
# time, so nothing may count on them at plan time.

variable "nat" {
  description = "NAT mode of the network."
  type        = string
  default     = "per_zone"
}

resource "terraform_data" "guard" {
  input = "guard"
}

module "network" {
  source = "./module"

  name = "prod-botolph"
  nat  = var.nat

  depends_on = [terraform_data.guard]
}
