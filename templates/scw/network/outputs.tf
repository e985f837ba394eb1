output "private_network_id" {
  description = "Id of the private network."
  value       = scaleway_vpc_private_network.this.id
}
