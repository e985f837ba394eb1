output "vpc_id" {
  description = "VPC id."
  value       = local.create ? aws_vpc.this[0].id : var.vpc_id
}

output "vpc_cidr" {
  description = "IPv4 range of the VPC (null for an existing VPC)."
  value       = local.create ? aws_vpc.this[0].cidr_block : null
}

output "availability_zones" {
  description = "Zones of the subnets (empty for an existing VPC)."
  value       = local.zones
}

output "public_subnet_ids" {
  description = "Public subnets: the load balancer's."
  value       = local.public_subnet_ids
}

output "private_subnet_ids" {
  description = "Private subnets."
  value       = local.private_subnet_ids
}

output "database_subnet_ids" {
  description = "Subnets of the databases, without a route out of the VPC."
  value       = local.database_subnet_ids
}

output "task_subnet_ids" {
  description = "Subnets the tasks run in: public without NAT, else private."
  value       = var.nat == "none" ? local.public_subnet_ids : local.private_subnet_ids
}

output "assign_public_ip" {
  description = "Whether tasks need a public IP to reach ECR, logs and Secrets Manager."
  value       = var.nat == "none"
}

output "nat_public_ips" {
  description = "Elastic IPs of the zonal NAT gateways (the addresses the outside sees)."
  value       = aws_eip.nat[*].public_ip
}
