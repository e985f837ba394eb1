# The modules that hold secrets, applied together against the local AWS
# emulator: a database with a generated password and its URL secret, a
# generated secret and an external one. suite-modules.sh then searches the
# state, a rotation plan and the outputs for the values the emulator holds.

variable "password_version" {
  description = "Version of the database password (2 plans a rotation)."
  type        = number
  default     = 1
}

module "fixture" {
  source = "./fixture"

  endpoint = var.endpoint
}

module "database" {
  source = "./modules/database"

  name                      = "leak-botolph-main"
  vpc_id                    = module.fixture.vpc_id
  subnet_ids                = module.fixture.subnet_ids
  client_security_group_ids = { web = module.fixture.client_security_group_id }
  db_name                   = "botolphs"
  username                  = "botolphs"
  secret_name               = "/botolph/leak/main"
  password_version          = var.password_version
  url_secret                = true
  deletion_protection       = false
  final_snapshot            = false
  recovery_days             = 0
}

module "django_secret_key" {
  source = "./modules/secret"

  name          = "/botolph/leak/django_secret_key"
  generate      = 50
  recovery_days = 0
}

module "email_host_password" {
  source = "./modules/secret"

  name          = "/botolph/leak/email_host_password"
  recovery_days = 0
}

output "database" {
  value = module.database
}

output "django_secret_key" {
  value = module.django_secret_key
}

output "email_host_password" {
  value = module.email_host_password
}
