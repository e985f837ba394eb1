site = "ademe"
