# The private network of one environment of a site: its containers and its
# databases meet there, and a database has no public endpoint.
# docs/resources/vpc.md, docs/resources/vpc_private_network.md

resource "scaleway_vpc" "this" {
  name = var.name
}

resource "scaleway_vpc_private_network" "this" {
  name   = var.name
  vpc_id = scaleway_vpc.this.id

  ipv4_subnet {
    subnet = var.cidr
  }
}
