# The network module applied against the local AWS emulator.

variables {
  name = "test-botolph"
}

run "nat_free" {
  assert {
    condition     = length(output.public_subnet_ids) == 2 && length(output.database_subnet_ids) == 2 && output.assign_public_ip
    error_message = "The NAT-free network must have two public and two database subnets."
  }
  assert {
    condition     = length(aws_route_table.database) == 1 && length(aws_route_table.database[0].route) == 0
    error_message = "The database route table must have no route."
  }
}

run "single_nat" {
  variables {
    nat = "single"
  }

  assert {
    condition     = length(output.nat_public_ips) == 1 && output.nat_public_ips[0] != ""
    error_message = "nat = single must give one public address."
  }
}
