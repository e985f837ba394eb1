# A Transactional Email sending domain (fr-par only). Its SPF, DKIM and MX
# records are outputs: create them at the domain's DNS host, then Scaleway
# checks them on its own. docs/resources/tem_domain.md

resource "scaleway_tem_domain" "this" {
  name       = var.domain
  accept_tos = true
  region     = "fr-par"
}
