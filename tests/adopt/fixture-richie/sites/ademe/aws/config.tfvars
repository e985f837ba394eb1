site = "ademe"

storage_domain = {
  production = "cdn.mooc-batiment-durable.fr"
  preprod = "cdn-preprod.mooc-batiment-durable.fr"
  staging = "cdn-staging.mooc-batiment-durable.fr"
}

app_domain = {
  production = "www.mooc-batiment-durable.fr"
  preprod = "preprod.ademe.apps.openfun.fr"
  staging = "staging.ademe.apps.openfun.fr"
}
