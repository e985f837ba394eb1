# The network of one environment: a VPC over two or more zones with public,
# private and database subnets. Without NAT (the default) tasks run in the
# public subnets with public IPs and take traffic only from the load
# balancer's security group; with NAT they run in the private subnets.
# Database subnets never have a route out. With vpc_id nothing is created:
# the given subnets are passed through.

locals {
  create = var.vpc_id == null
  zones  = local.create ? slice(data.aws_availability_zones.this[0].names, 0, var.zones) : []

  # Counts come from variables, never from the zones data source: a module
  # behind depends_on reads its data sources only at apply time.
  subnets = local.create ? var.zones : 0

  # Zonal NAT gateways, each with its Elastic IP (the quota is 5 per region).
  zonal_nat = local.create ? (var.nat == "per_zone" ? var.zones : var.nat == "single" ? 1 : 0) : 0
  regional  = local.create && var.nat == "regional"

  # One private route table per NAT gateway in per_zone mode, else one.
  private_tables = var.nat == "per_zone" ? var.zones : 1

  interface_endpoints = local.create ? setsubtract(var.endpoints, ["s3"]) : []

  public_subnet_ids   = local.create ? aws_subnet.public[*].id : var.public_subnet_ids
  private_subnet_ids  = local.create ? aws_subnet.private[*].id : var.private_subnet_ids
  database_subnet_ids = local.create ? aws_subnet.database[*].id : var.private_subnet_ids
}

data "aws_availability_zones" "this" {
  count = local.create ? 1 : 0

  state = "available"

  # Regular zones only: Local and Wavelength zones lack most services.
  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

data "aws_region" "this" {}

resource "aws_vpc" "this" {
  count = local.create ? 1 : 0

  cidr_block           = var.cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = {
    Name = var.name
  }

  lifecycle {
    precondition {
      condition     = length(data.aws_availability_zones.this[0].names) >= var.zones
      error_message = "The region has fewer available zones than zones = ${var.zones}."
    }
  }
}

# Manages the default security group without rules: nothing that falls
# back to it can talk to anything.
resource "aws_default_security_group" "this" {
  count = local.create ? 1 : 0

  vpc_id = aws_vpc.this[0].id

  tags = {
    Name = "${var.name}-default-unused"
  }
}

resource "aws_internet_gateway" "this" {
  count = local.create ? 1 : 0

  vpc_id = aws_vpc.this[0].id

  tags = {
    Name = var.name
  }
}

# Public IPs are asked for by the services that need one, not given to
# every interface of the subnet.
resource "aws_subnet" "public" {
  count = local.subnets

  vpc_id                  = aws_vpc.this[0].id
  availability_zone       = local.zones[count.index]
  cidr_block              = cidrsubnet(var.cidr, 4, count.index)
  map_public_ip_on_launch = false

  tags = {
    Name = "${var.name}-public-${local.zones[count.index]}"
  }
}

resource "aws_subnet" "private" {
  count = local.subnets

  vpc_id            = aws_vpc.this[0].id
  availability_zone = local.zones[count.index]
  cidr_block        = cidrsubnet(var.cidr, 4, 8 + count.index)

  tags = {
    Name = "${var.name}-private-${local.zones[count.index]}"
  }
}

# Smaller subnets in the last two sixteenths of the range, unused above.
resource "aws_subnet" "database" {
  count = local.subnets

  vpc_id            = aws_vpc.this[0].id
  availability_zone = local.zones[count.index]
  cidr_block        = cidrsubnet(var.cidr, 6, 56 + count.index)

  tags = {
    Name = "${var.name}-database-${local.zones[count.index]}"
  }
}

resource "aws_route_table" "public" {
  count = local.create ? 1 : 0

  vpc_id = aws_vpc.this[0].id

  tags = {
    Name = "${var.name}-public"
  }
}

resource "aws_route" "public_internet" {
  count = local.create ? 1 : 0

  route_table_id         = aws_route_table.public[0].id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.this[0].id
}

resource "aws_route_table_association" "public" {
  count = local.subnets

  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public[0].id
}

resource "aws_eip" "nat" {
  count = local.zonal_nat

  domain = "vpc"

  tags = {
    Name = "${var.name}-nat-${local.zones[count.index]}"
  }
}

resource "aws_nat_gateway" "zonal" {
  count = local.zonal_nat

  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id

  tags = {
    Name = "${var.name}-${local.zones[count.index]}"
  }

  depends_on = [aws_internet_gateway.this]
}

# A regional NAT gateway spans the zones of the VPC and allocates its own
# addresses; it needs no subnet (AWS provider 6.24, terraform-provider-aws
# PR #45240; AWS VPC guide "Regional NAT gateways for automatic multi-AZ
# expansion").
resource "aws_nat_gateway" "regional" {
  count = local.regional ? 1 : 0

  vpc_id            = aws_vpc.this[0].id
  availability_mode = "regional"
  connectivity_type = "public"

  tags = {
    Name = var.name
  }

  depends_on = [aws_internet_gateway.this]
}

resource "aws_route_table" "private" {
  count = local.create ? local.private_tables : 0

  vpc_id = aws_vpc.this[0].id

  tags = {
    Name = local.private_tables > 1 ? "${var.name}-private-${local.zones[count.index]}" : "${var.name}-private"
  }
}

resource "aws_route" "private_nat" {
  count = local.create && var.nat != "none" ? local.private_tables : 0

  route_table_id         = aws_route_table.private[count.index].id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = local.regional ? aws_nat_gateway.regional[0].id : aws_nat_gateway.zonal[count.index].id
}

resource "aws_route_table_association" "private" {
  count = local.subnets

  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private[local.private_tables > 1 ? count.index : 0].id
}

# No route at all: the database reaches nothing outside the VPC.
resource "aws_route_table" "database" {
  count = local.create ? 1 : 0

  vpc_id = aws_vpc.this[0].id

  tags = {
    Name = "${var.name}-database"
  }
}

resource "aws_route_table_association" "database" {
  count = local.subnets

  subnet_id      = aws_subnet.database[count.index].id
  route_table_id = aws_route_table.database[0].id
}

# S3 through a free gateway endpoint: image layers from ECR and the app's
# own objects do not cross a NAT gateway.
resource "aws_vpc_endpoint" "s3" {
  count = local.create && contains(var.endpoints, "s3") ? 1 : 0

  vpc_id            = aws_vpc.this[0].id
  service_name      = "com.amazonaws.${data.aws_region.this.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = concat(aws_route_table.public[*].id, aws_route_table.private[*].id)

  tags = {
    Name = "${var.name}-s3"
  }
}

resource "aws_security_group" "endpoints" {
  count = length(local.interface_endpoints) > 0 ? 1 : 0

  name        = "${var.name}-endpoints"
  description = "HTTPS from the VPC to its interface endpoints"
  vpc_id      = aws_vpc.this[0].id
}

resource "aws_vpc_security_group_ingress_rule" "endpoints" {
  count = length(local.interface_endpoints) > 0 ? 1 : 0

  security_group_id = aws_security_group.endpoints[0].id
  description       = "HTTPS from the VPC"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = var.cidr
}

# Interface endpoints cost an hourly fee per zone; they are made only when
# asked for.
resource "aws_vpc_endpoint" "interface" {
  for_each = local.interface_endpoints

  vpc_id              = aws_vpc.this[0].id
  service_name        = "com.amazonaws.${data.aws_region.this.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = aws_subnet.private[*].id
  security_group_ids  = [aws_security_group.endpoints[0].id]

  tags = {
    Name = "${var.name}-${each.key}"
  }
}
