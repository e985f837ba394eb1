site = "funmooc"

app_domain = {
  production = "www.fun-mooc.fr"
  preprod = "preprod.fun.apps.openfun.fr"
  staging = "staging.fun.apps.openfun.fr"
}
