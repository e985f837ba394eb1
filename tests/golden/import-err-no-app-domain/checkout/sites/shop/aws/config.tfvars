site = "shop"
