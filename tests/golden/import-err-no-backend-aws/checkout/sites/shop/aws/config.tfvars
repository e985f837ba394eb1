site = "shop"

app_domain = {
  production = "shop.example.com"
}
