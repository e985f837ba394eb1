site = "shop"

app_domain = ["shop.example.com"]
