site = "demo"

media_expiration = 2
