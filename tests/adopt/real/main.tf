module "bucket_media" {
  source = "./bucket_media"
}

resource "terraform_data" "workspace_guard" {
  input = "production"
}

output "cloudfront_domain" {
  value = "d111111abcdef8.cloudfront.net"
}

resource "terraform_data" "user" {
  input = "production-demo"
}
