resource "terraform_data" "this" {
  input = "production-demo-media"
}
