terraform {
  # Write-only arguments and ephemeral resources need Terraform 1.11.
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.24"

      # Route53 records go to the account holding the zone.
      configuration_aliases = [aws.dns]
    }
  }
}
