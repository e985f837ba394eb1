variable "scw_region" {
  type    = string
  default = "fr-par"
}
