site = "shop"

storage_domain = {
  production = "cdn.example.com"
}

app_domain = {
  production = "shop.example.com"
  staging = "staging.shop.example.com"
}
