terraform {
  backend "s3" {
    bucket = "shop-terraform"
  }
}
