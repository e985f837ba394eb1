terraform {
  backend "s3" {
    bucket         = "shop-terraform"
    dynamodb_table = "shop_terraform_state_locks"
  }
}
