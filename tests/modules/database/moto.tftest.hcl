# The database module against the local AWS emulator. Mocked providers
# cannot run it: Terraform 1.11 has no mocked ephemeral resources. Plans
# open the ephemeral password and read-back resources against the emulator;
# the apply is the leak root's (tests/modules/leak), which suite-modules.sh
# checks: each RDS instance costs minutes of the provider's waiters.

run "fixture" {
  module {
    source = "./fixture"
  }
}

variables {
  name                = "test-botolph-main"
  db_name             = "botolphs"
  username            = "botolphs"
  secret_name         = "/botolph/test/main"
  deletion_protection = false
  final_snapshot      = false
  recovery_days       = 0
}

run "secure_defaults" {
  command = plan

  variables {
    vpc_id                    = run.fixture.vpc_id
    subnet_ids                = run.fixture.subnet_ids
    client_security_group_ids = { web = run.fixture.client_security_group_id }
    deletion_protection       = true
    final_snapshot            = true
  }

  assert {
    condition     = aws_db_instance.this.storage_encrypted && !aws_db_instance.this.publicly_accessible && aws_db_instance.this.storage_type == "gp3"
    error_message = "The instance must be encrypted and private."
  }
  assert {
    condition     = aws_db_instance.this.deletion_protection && !aws_db_instance.this.skip_final_snapshot && aws_db_instance.this.final_snapshot_identifier == "test-botolph-main-final"
    error_message = "The instance must be protected from deletion and leave a final snapshot."
  }
  assert {
    condition     = aws_db_instance.this.backup_retention_period == 7 && aws_db_instance.this.copy_tags_to_snapshot && aws_db_instance.this.auto_minor_version_upgrade && aws_db_instance.this.ca_cert_identifier == "rds-ca-rsa2048-g1"
    error_message = "Backups, snapshot tags, minor upgrades and the current CA are on by default."
  }
  assert {
    condition     = aws_db_instance.this.password == null && aws_db_instance.this.password_wo == null && aws_db_instance.this.password_wo_version == 1 && aws_db_instance.this.manage_master_user_password == null
    error_message = "The generated password must be write-only: nothing of it in the plan."
  }
  assert {
    condition     = aws_secretsmanager_secret_version.password[0].secret_string_wo == null && aws_secretsmanager_secret_version.password[0].secret_string_wo_version == 1
    error_message = "The secret's value must be write-only."
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.clients["web"].from_port == 5432 && length(aws_vpc_security_group_ingress_rule.clients) == 1
    error_message = "Only the client service may reach PostgreSQL."
  }
  assert {
    condition     = length(aws_db_parameter_group.this) == 0
    error_message = "PostgreSQL 17 forces TLS by default: no parameter group."
  }
}

run "old_version_forces_tls" {
  command = plan

  variables {
    vpc_id         = run.fixture.vpc_id
    subnet_ids     = run.fixture.subnet_ids
    engine_version = "14"
  }

  assert {
    condition     = aws_db_parameter_group.this[0].family == "postgres14" && tolist(aws_db_parameter_group.this[0].parameter)[0].name == "rds.force_ssl"
    error_message = "PostgreSQL 14 must get a parameter group forcing TLS."
  }
}

run "rds_managed" {
  command = plan

  variables {
    vpc_id      = run.fixture.vpc_id
    subnet_ids  = run.fixture.subnet_ids
    password    = "rds-managed"
    secret_name = "/botolph/test/main-managed"
  }

  assert {
    condition     = aws_db_instance.this.manage_master_user_password && length(aws_secretsmanager_secret.password) == 0
    error_message = "rds-managed must let RDS keep the password."
  }
  assert {
    condition     = aws_db_instance.this.password_wo == null && aws_db_instance.this.password == null
    error_message = "No password may be sent with rds-managed."
  }
}

run "url_needs_a_generated_password" {
  command = plan

  variables {
    vpc_id     = run.fixture.vpc_id
    subnet_ids = run.fixture.subnet_ids
    password   = "rds-managed"
    url_secret = true
  }

  expect_failures = [var.url_secret]
}
