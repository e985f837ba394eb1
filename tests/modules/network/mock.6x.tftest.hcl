# The regional NAT gateway exists in AWS provider 6.24 and later only.

mock_provider "aws" {
  mock_data "aws_availability_zones" {
    defaults = {
      names = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
    }
  }
}

mock_provider "aws" {
  alias = "dns"
}

variables {
  name = "prod-botolph"
  nat  = "regional"
}

run "regional_nat" {
  command = apply

  assert {
    condition     = length(aws_nat_gateway.regional) == 1 && aws_nat_gateway.regional[0].availability_mode == "regional"
    error_message = "nat = regional must create one regional NAT gateway."
  }
  assert {
    condition     = length(aws_eip.nat) == 0 && length(aws_nat_gateway.zonal) == 0
    error_message = "A regional NAT gateway allocates its own addresses."
  }
  assert {
    condition     = length(aws_route.private_nat) == 1 && aws_route.private_nat[0].nat_gateway_id == aws_nat_gateway.regional[0].id
    error_message = "The private route table must go through the regional NAT gateway."
  }
}
