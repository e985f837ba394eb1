site = 3
