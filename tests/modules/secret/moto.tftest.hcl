# The secret module against the local AWS emulator. Mocked providers
# cannot run it: Terraform 1.11 has no mocked ephemeral resources.

variables {
  recovery_days = 0
}

run "generated" {
  variables {
    name     = "/botolph/test/django_secret_key"
    generate = 50
  }

  assert {
    condition     = aws_secretsmanager_secret_version.this[0].secret_string_wo == null && aws_secretsmanager_secret_version.this[0].secret_string_wo_version == 1 && aws_secretsmanager_secret_version.this[0].has_secret_string_wo
    error_message = "The generated value must be written write-only."
  }
  assert {
    condition     = aws_secretsmanager_secret_version.this[0].secret_string == "" && output.generated && output.put_value_command == null
    error_message = "Nothing of the value may be in the state."
  }
}

run "external" {
  variables {
    name = "/botolph/test/email_host_password"
  }

  assert {
    condition     = length(aws_secretsmanager_secret_version.this) == 0 && !output.generated
    error_message = "An external secret must be created empty."
  }
  assert {
    condition     = output.put_value_command == "aws secretsmanager put-secret-value --region eu-west-1 --secret-id /botolph/test/email_host_password --secret-string file:///dev/stdin"
    error_message = "The command setting the value differs."
  }
}

run "too_short" {
  command = plan

  variables {
    name     = "/botolph/test/short"
    generate = 8
  }

  expect_failures = [var.generate]
}
