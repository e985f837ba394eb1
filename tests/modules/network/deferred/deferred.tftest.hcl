# Plans of the network module while its data sources are deferred.

mock_provider "aws" {}

mock_provider "aws" {
  alias = "dns"
}

run "per_zone_behind_depends_on" {
  command = plan
}

run "nat_free_behind_depends_on" {
  command = plan

  variables {
    nat = "none"
  }
}
