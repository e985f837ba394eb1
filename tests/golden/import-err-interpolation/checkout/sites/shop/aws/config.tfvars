site = "shop"

app_domain = {
  production = "${var.site}.example.com"
}
