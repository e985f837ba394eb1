site = "funmooc"
