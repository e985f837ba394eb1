site = "shop"

app_domain = {
  production = lookup(var.domains, "production")
}
