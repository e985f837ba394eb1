# The example's environment root with mocked providers, in the workspace
# of environment @ENV@: one apply creates everything, the task definitions
# run the image the pointer names, by digest.

mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    }
  }
  mock_data "aws_availability_zones" {
    defaults = {
      names = ["eu-west-2a", "eu-west-2b", "eu-west-2c"]
    }
  }
  mock_data "aws_partition" {
    defaults = {
      partition = "aws"
    }
  }
  mock_data "aws_region" {
    defaults = {
      name = "eu-west-2"
    }
  }
  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "@ACCOUNT@"
    }
  }
  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::@ACCOUNT@:role/@ENV@-exii"
    }
  }
  mock_resource "aws_ecs_cluster" {
    defaults = {
      arn = "arn:aws:ecs:eu-west-2:@ACCOUNT@:cluster/@ENV@-exii"
    }
  }
  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:eu-west-2:@ACCOUNT@:log-group:/ecs/@ENV@-exii"
    }
  }
  mock_resource "aws_lb_target_group" {
    defaults = {
      arn = "arn:aws:elasticloadbalancing:eu-west-2:@ACCOUNT@:targetgroup/@ENV@-exii/0123456789abcdef"
    }
  }
  mock_resource "aws_lb" {
    defaults = {
      arn      = "arn:aws:elasticloadbalancing:eu-west-2:@ACCOUNT@:loadbalancer/app/@ENV@-exii/0123456789abcdef"
      dns_name = "@ENV@-exii-123.eu-west-2.elb.amazonaws.com"
      zone_id  = "ZHURV8PSTC4K8"
    }
  }
  mock_resource "aws_lb_listener" {
    defaults = {
      arn = "arn:aws:elasticloadbalancing:eu-west-2:@ACCOUNT@:listener/app/@ENV@-exii/0123456789abcdef/0123456789abcdef"
    }
  }
  mock_resource "aws_ecs_task_definition" {
    defaults = {
      arn = "arn:aws:ecs:eu-west-2:@ACCOUNT@:task-definition/@ENV@-exii:1"
    }
  }
  mock_resource "aws_acm_certificate_validation" {
    defaults = {
      certificate_arn = "arn:aws:acm:eu-west-2:@ACCOUNT@:certificate/00000000-0000-0000-0000-000000000001"
    }
  }
  mock_resource "aws_s3_bucket" {
    defaults = {
      arn = "arn:aws:s3:::@ENV@-exii-input"
    }
  }
}

mock_provider "aws" {
  alias = "dns"

  mock_data "aws_route53_zone" {
    defaults = {
      zone_id = "Z0000000000EXAMPLE"
    }
  }
}

mock_provider "aws" {
  alias = "registry"
}

# One validation record per service domain, as ACM gives them.
override_resource {
  target = module.alb.aws_acm_certificate.this
  values = {
    arn = "arn:aws:acm:eu-west-2:@ACCOUNT@:certificate/00000000-0000-0000-0000-000000000001"
    domain_validation_options = [
      {
        domain_name           = "@APP_DOMAIN@"
        resource_record_name  = "_a1.@APP_DOMAIN@."
        resource_record_type  = "CNAME"
        resource_record_value = "_b1.acm-validations.aws."
      },
      {
        domain_name           = "@DJANGO_DOMAIN@"
        resource_record_name  = "_a2.@DJANGO_DOMAIN@."
        resource_record_type  = "CNAME"
        resource_record_value = "_b2.acm-validations.aws."
      },
    ]
  }
}

# The pointers CI wrote after pushing, and the digests they resolve to.
override_data {
  target = data.aws_ssm_parameter.django_image
  values = { insecure_value = "git-0a1b2c3" }
}

override_data {
  target = data.aws_ssm_parameter.concept_image
  values = { insecure_value = "git-0a1b2c3" }
}

override_data {
  target = data.aws_ecr_image.django
  values = { image_uri = "333333333333.dkr.ecr.eu-west-2.amazonaws.com/exii/django@sha256:1111111111111111111111111111111111111111111111111111111111111111" }
}

override_data {
  target = data.aws_ecr_image.concept
  values = { image_uri = "333333333333.dkr.ecr.eu-west-2.amazonaws.com/exii/concept@sha256:2222222222222222222222222222222222222222222222222222222222222222" }
}

# Terraform 1.11 mocks no ephemeral resource: the suite stubs the modules
# that generate passwords (tests/modules tests them against the emulator),
# and these outputs of the real shape (ARNs, no value) stand in.
override_module {
  target = module.database_main
  outputs = {
    identifier          = "@ENV@-exii-main"
    arn                 = "arn:aws:rds:eu-west-2:@ACCOUNT@:db:@ENV@-exii-main"
    address             = "@ENV@-exii-main.abc.eu-west-2.rds.amazonaws.com"
    port                = 5432
    endpoint            = "@ENV@-exii-main.abc.eu-west-2.rds.amazonaws.com:5432"
    db_name             = "exii"
    username            = "exii"
    resource_id         = "db-ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    security_group_id   = "sg-0123456789abcdef0"
    password_secret_arn = "arn:aws:secretsmanager:eu-west-2:@ACCOUNT@:secret:/exii/@ENV@/database/main-AbCdEf"
    password_value_from = "arn:aws:secretsmanager:eu-west-2:@ACCOUNT@:secret:/exii/@ENV@/database/main-AbCdEf:password::"
    url_secret_arn      = "arn:aws:secretsmanager:eu-west-2:@ACCOUNT@:secret:/exii/@ENV@/database/main/url-AbCdEf"
    secret_arns         = ["arn:aws:secretsmanager:eu-west-2:@ACCOUNT@:secret:/exii/@ENV@/database/main-AbCdEf"]
  }
}

override_module {
  target = module.secret_django_secret_key
  outputs = {
    arn               = "arn:aws:secretsmanager:eu-west-2:@ACCOUNT@:secret:/exii/@ENV@/django_secret_key-AbCdEf"
    name              = "/exii/@ENV@/django_secret_key"
    generated         = true
    put_value_command = null
  }
}

override_module {
  target = module.secret_email_host_password
  outputs = {
    arn               = "arn:aws:secretsmanager:eu-west-2:@ACCOUNT@:secret:/exii/@ENV@/email_host_password-AbCdEf"
    name              = "/exii/@ENV@/email_host_password"
    generated         = false
    put_value_command = "aws secretsmanager put-secret-value --secret-id /exii/@ENV@/email_host_password --secret-string file:///dev/stdin"
  }
}

run "apply" {
  command = apply

  assert {
    condition     = output.siteinfra.environment == "@ENV@"
    error_message = "The root did not apply as environment @ENV@."
  }
  assert {
    condition     = data.aws_ecr_image.django.image_tag == "git-0a1b2c3"
    error_message = "The image tag does not come from the pointer."
  }
  assert {
    condition     = module.service_django.task_template.image == data.aws_ecr_image.django.image_uri && strcontains(module.service_django.task_template.image, "@sha256:")
    error_message = "The django task definition does not run the pointer's image by digest."
  }
  assert {
    condition     = output.django_url == "https://@DJANGO_DOMAIN@"
    error_message = "The django service URL is wrong."
  }
}
