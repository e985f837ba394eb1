# The service module applied against the local AWS emulator, behind a
# load balancer of the fixture. The emulator copy has no scaling resources
# (moto has no Application Auto Scaling tags); the mocked tests cover them.

run "fixture" {
  module {
    source = "./fixture"
  }

  variables {
    zone     = "botolphs.example.org"
    with_alb = true
  }
}

run "service" {
  variables {
    name             = "test-botolph-web"
    vpc_id           = run.fixture.vpc_id
    subnet_ids       = run.fixture.subnet_ids
    assign_public_ip = true
    image            = "asanami/botolphs:1.3"
    port             = 3000
    environment      = { PORT = "3000" }
    secrets = {
      DJANGO_SECRET_KEY = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:/botolph/test/django_secret_key-GhIjKl"
    }
    bucket_arns           = ["arn:aws:s3:::botolphs-data"]
    listener_arn          = run.fixture.listener_arn
    alb_security_group_id = run.fixture.alb_security_group_id
    priority              = 100
    host                  = "www.botolphs.example.org"
    zone_id               = run.fixture.zone_id
    alb_dns_name          = run.fixture.alb_dns_name
    alb_zone_id           = run.fixture.alb_zone_id
    max_count             = 3
  }

  assert {
    condition     = aws_ecs_service.this[0].deployment_circuit_breaker[0].enable && aws_ecs_service.this[0].deployment_circuit_breaker[0].rollback
    error_message = "The service must be created with its circuit breaker."
  }
  assert {
    condition     = output.url == "https://www.botolphs.example.org" && output.log_group_name == "/ecs/test-botolph-web"
    error_message = "The service's URL and log group differ."
  }
  assert {
    condition     = strcontains(aws_iam_role_policy.execution.policy, "django_secret_key-GhIjKl") && !strcontains(aws_iam_role_policy.execution.policy, "\"Resource\":\"*\"")
    error_message = "The applied execution policy must name the secret and no wildcard."
  }
}
