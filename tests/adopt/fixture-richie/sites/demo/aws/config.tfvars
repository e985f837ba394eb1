site = "richie"

app_domain = {
  production = "demo.richie.education"
}

# Demo objects are deleted after 2 days
media_expiration = 2
