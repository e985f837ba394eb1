# The network module with mocked providers: subnets, NAT per mode, routes.

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
}

run "default_is_nat_free" {
  command = apply

  assert {
    condition     = length(aws_subnet.public) == 2 && length(aws_subnet.private) == 2 && length(aws_subnet.database) == 2
    error_message = "Two zones must give two subnets of each kind."
  }
  assert {
    condition     = aws_subnet.public[1].cidr_block == "10.0.16.0/20" && aws_subnet.private[0].cidr_block == "10.0.128.0/20" && aws_subnet.database[1].cidr_block == "10.0.228.0/22"
    error_message = "Subnet ranges differ from the documented layout."
  }
  assert {
    condition     = alltrue([for s in aws_subnet.public : !s.map_public_ip_on_launch])
    error_message = "Public subnets must not give every interface a public IP."
  }
  assert {
    condition     = length(aws_nat_gateway.zonal) == 0 && length(aws_eip.nat) == 0 && length(aws_nat_gateway.regional) == 0
    error_message = "nat = none must create no NAT gateway and no Elastic IP."
  }
  assert {
    condition     = length(aws_route.private_nat) == 0
    error_message = "Without NAT the private subnets must have no route out."
  }
  assert {
    condition     = output.assign_public_ip && output.task_subnet_ids == tolist(aws_subnet.public[*].id)
    error_message = "Without NAT tasks must run in the public subnets with a public IP."
  }
  assert {
    condition     = output.database_subnet_ids == tolist(aws_subnet.database[*].id)
    error_message = "Databases must use the database subnets."
  }
  assert {
    condition     = length(aws_vpc_endpoint.s3) == 1 && aws_vpc_endpoint.s3[0].vpc_endpoint_type == "Gateway"
    error_message = "The S3 gateway endpoint is made by default."
  }
  assert {
    condition     = length(aws_default_security_group.this) == 1
    error_message = "The default security group must be managed (emptied)."
  }
  assert {
    condition     = aws_vpc.this[0].enable_dns_hostnames && aws_vpc.this[0].enable_dns_support
    error_message = "DNS names are needed by RDS and the interface endpoints."
  }
}

run "single_nat" {
  command = apply

  variables {
    nat = "single"
  }

  assert {
    condition     = length(aws_nat_gateway.zonal) == 1 && length(aws_eip.nat) == 1 && aws_eip.nat[0].domain == "vpc"
    error_message = "nat = single must create one NAT gateway with one Elastic IP."
  }
  assert {
    condition     = length(aws_route.private_nat) == 1 && length(aws_route_table.private) == 1
    error_message = "nat = single must route the private subnets through it."
  }
  assert {
    condition     = !output.assign_public_ip && output.task_subnet_ids == tolist(aws_subnet.private[*].id)
    error_message = "With NAT tasks must run in the private subnets without a public IP."
  }
}

run "per_zone_nat" {
  command = plan

  variables {
    nat   = "per_zone"
    zones = 3
  }

  assert {
    condition     = length(aws_nat_gateway.zonal) == 3 && length(aws_eip.nat) == 3
    error_message = "nat = per_zone must create one NAT gateway and Elastic IP per zone."
  }
  assert {
    condition     = length(aws_route_table.private) == 3 && length(aws_route.private_nat) == 3
    error_message = "nat = per_zone must have one private route table per zone."
  }
}

run "interface_endpoints" {
  command = plan

  variables {
    endpoints = ["s3", "logs", "secretsmanager"]
  }

  assert {
    condition     = toset(keys(aws_vpc_endpoint.interface)) == toset(["logs", "secretsmanager"]) && alltrue([for e in aws_vpc_endpoint.interface : e.private_dns_enabled])
    error_message = "Every endpoint but s3 must be an interface endpoint with private DNS."
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.endpoints[0].from_port == 443 && aws_vpc_security_group_ingress_rule.endpoints[0].cidr_ipv4 == "10.0.0.0/16"
    error_message = "Interface endpoints must admit HTTPS from the VPC only."
  }
}

run "existing_vpc" {
  command = apply

  variables {
    vpc_id             = "vpc-0123"
    public_subnet_ids  = ["subnet-p1", "subnet-p2"]
    private_subnet_ids = ["subnet-q1", "subnet-q2"]
  }

  assert {
    condition     = length(aws_vpc.this) == 0 && length(aws_subnet.public) == 0 && length(aws_nat_gateway.zonal) == 0
    error_message = "An existing VPC must create nothing."
  }
  assert {
    condition     = output.vpc_id == "vpc-0123" && output.task_subnet_ids == tolist(["subnet-p1", "subnet-p2"]) && output.database_subnet_ids == tolist(["subnet-q1", "subnet-q2"])
    error_message = "An existing VPC's subnets must be passed through."
  }
}

run "bad_nat" {
  command = plan

  variables {
    nat = "shared"
  }

  expect_failures = [var.nat]
}

run "one_zone" {
  command = plan

  variables {
    zones = 1
  }

  expect_failures = [var.zones]
}

run "small_cidr" {
  command = plan

  variables {
    cidr = "10.0.0.0/24"
  }

  expect_failures = [var.cidr]
}
