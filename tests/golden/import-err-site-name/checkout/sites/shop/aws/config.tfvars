site = "Shop_1"
