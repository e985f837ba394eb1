# The service module with mocked providers: container environment and
# secrets, the roles' exact scope, routing, deployment and scaling.

# The provider still validates ARNs in arguments: mocked ones look real.
mock_provider "aws" {
  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::123456789012:role/prod-botolph-web"
    }
  }
  mock_resource "aws_ecs_cluster" {
    defaults = {
      arn = "arn:aws:ecs:eu-west-1:123456789012:cluster/prod-botolph-web"
    }
  }
  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/prod-botolph-web"
    }
  }
  mock_resource "aws_lb_target_group" {
    defaults = {
      arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/prod-botolph-web/0123456789abcdef"
    }
  }
  mock_resource "aws_ecs_task_definition" {
    defaults = {
      arn = "arn:aws:ecs:eu-west-1:123456789012:task-definition/prod-botolph-web:1"
    }
  }
  mock_data "aws_partition" {
    defaults = {
      partition = "aws"
    }
  }
  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    }
  }
}

mock_provider "aws" {
  alias = "dns"
}

variables {
  name             = "prod-botolph-web"
  vpc_id           = "vpc-0123"
  subnet_ids       = ["subnet-a", "subnet-b"]
  assign_public_ip = true
  image            = "asanami/botolphs:1.3"
  port             = 3000
  cpu              = 1024
  memory           = 2048
  environment = {
    PORT           = "3000"
    DJANGO_DB_HOST = "prod-botolph-main.abc.eu-west-1.rds.amazonaws.com"
  }
  secrets = {
    DJANGO_DB_PASSWORD = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:/botolph/prod/main-AbCdEf:password::"
    DJANGO_SECRET_KEY  = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:/botolph/prod/django_secret_key-GhIjKl"
  }
  bucket_arns           = ["arn:aws:s3:::botolphs-data"]
  email_identity_arns   = ["arn:aws:ses:eu-west-1:123456789012:identity/botolphs.example.org"]
  listener_arn          = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/prod-botolph/0123456789abcdef/0123456789abcdef"
  alb_security_group_id = "sg-alb"
  priority              = 100
  host                  = "www.botolphs.example.org"
  zone_id               = "Z0123"
  alb_dns_name          = "prod-botolph-1.eu-west-1.elb.amazonaws.com"
  alb_zone_id           = "Z32O12XQLNTSW2"
}

run "container" {
  command = plan

  assert {
    condition = jsondecode(aws_ecs_task_definition.this.container_definitions)[0].environment == [
      { name = "DJANGO_DB_HOST", value = "prod-botolph-main.abc.eu-west-1.rds.amazonaws.com" },
      { name = "PORT", value = "3000" },
    ]
    error_message = "Plain values must be the container's environment, and nothing else."
  }
  assert {
    condition = jsondecode(aws_ecs_task_definition.this.container_definitions)[0].secrets == [
      { name = "DJANGO_DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:/botolph/prod/main-AbCdEf:password::" },
      { name = "DJANGO_SECRET_KEY", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:/botolph/prod/django_secret_key-GhIjKl" },
    ]
    error_message = "Secret references must be the container's secrets, by ARN."
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.this.container_definitions)[0].logConfiguration.options["awslogs-group"] == "/ecs/prod-botolph-web" && aws_cloudwatch_log_group.this.retention_in_days == 30
    error_message = "Logs must go to the service's log group, kept 30 days."
  }
  assert {
    condition     = aws_ecs_task_definition.this.cpu == "1024" && aws_ecs_task_definition.this.memory == "2048" && tolist(aws_ecs_task_definition.this.requires_compatibilities) == tolist(["FARGATE"]) && aws_ecs_task_definition.this.network_mode == "awsvpc"
    error_message = "The task definition must be a Fargate one of the given size."
  }
}

run "roles_are_scoped" {
  command = apply

  assert {
    condition = anytrue([
      for s in data.aws_iam_policy_document.execution.statement : s.sid == "ReadOwnSecrets" && toset(s.actions) == toset(["secretsmanager:GetSecretValue"]) && toset(s.resources) == toset([
        "arn:aws:secretsmanager:eu-west-1:123456789012:secret:/botolph/prod/main-AbCdEf",
        "arn:aws:secretsmanager:eu-west-1:123456789012:secret:/botolph/prod/django_secret_key-GhIjKl",
      ])
    ])
    error_message = "The execution role must read exactly the referenced secrets."
  }
  assert {
    condition     = alltrue([for s in data.aws_iam_policy_document.execution.statement : !contains(tolist(s.resources), "*")])
    error_message = "With a public image the execution role must hold no wildcard resource."
  }
  assert {
    condition     = alltrue([for s in data.aws_iam_policy_document.task.statement : !contains(tolist(s.resources), "*") && alltrue([for a in s.actions : !strcontains(a, "*")])])
    error_message = "The task role must hold no wildcard."
  }
  assert {
    condition     = anytrue([for s in data.aws_iam_policy_document.task.statement : s.sid == "SendEmail" && toset(s.resources) == toset(["arn:aws:ses:eu-west-1:123456789012:identity/botolphs.example.org"])])
    error_message = "The task role must send from its identity only."
  }
  assert {
    condition     = anytrue([for s in data.aws_iam_policy_document.task.statement : s.sid == "UseObjects" && toset(s.resources) == toset(["arn:aws:s3:::botolphs-data/*"])])
    error_message = "The task role must use its bucket's objects only."
  }
  assert {
    condition     = !anytrue([for s in data.aws_iam_policy_document.task.statement : s.sid == "EcsExec"]) && !aws_ecs_service.this[0].enable_execute_command
    error_message = "ECS Exec must be off unless asked for."
  }
}

run "ecr_image" {
  command = apply

  variables {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/botolph/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
  }

  assert {
    condition     = anytrue([for s in data.aws_iam_policy_document.execution.statement : s.sid == "PullImage" && toset(s.resources) == toset(["arn:aws:ecr:eu-west-1:123456789012:repository/botolph/web"])])
    error_message = "An ECR image must be pullable from its repository only."
  }
}

run "routing" {
  command = apply

  assert {
    condition     = aws_vpc_security_group_ingress_rule.alb[0].referenced_security_group_id == "sg-alb" && aws_vpc_security_group_ingress_rule.alb[0].from_port == 3000 && aws_vpc_security_group_ingress_rule.alb[0].to_port == 3000
    error_message = "Tasks must admit the load balancer only, on their port."
  }
  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.alb) == 1
    error_message = "The load balancer must be the only inbound source."
  }
  assert {
    condition     = aws_vpc_security_group_egress_rule.alb[0].security_group_id == "sg-alb" && aws_vpc_security_group_egress_rule.alb[0].from_port == 3000
    error_message = "The load balancer must be allowed out to the tasks' port."
  }
  assert {
    condition     = aws_lb_target_group.this[0].target_type == "ip" && aws_lb_target_group.this[0].health_check[0].path == "/" && aws_lb_target_group.this[0].health_check[0].matcher == "200-399" && aws_lb_target_group.this[0].deregistration_delay == "30"
    error_message = "The target group must check health on the given path and codes."
  }
  assert {
    condition     = aws_lb_listener_rule.this[0].priority == 100 && tolist(aws_lb_listener_rule.this[0].condition)[0].host_header[0].values == toset(["www.botolphs.example.org"])
    error_message = "The listener rule must match the service's host."
  }
  assert {
    condition     = length(aws_route53_record.alias) == 1 && aws_route53_record.alias[0].name == "www.botolphs.example.org" && aws_route53_record.alias[0].zone_id == "Z0123"
    error_message = "The host must get an alias to the load balancer in its zone."
  }
}

run "deployment" {
  command = apply

  assert {
    condition     = aws_ecs_service.this[0].deployment_circuit_breaker[0].enable && aws_ecs_service.this[0].deployment_circuit_breaker[0].rollback
    error_message = "The circuit breaker must roll a failed deployment back."
  }
  assert {
    condition     = aws_ecs_service.this[0].network_configuration[0].assign_public_ip && aws_ecs_service.this[0].launch_type == "FARGATE"
    error_message = "The service must run on Fargate with the network's public IP choice."
  }
  assert {
    condition     = aws_appautoscaling_target.this.min_capacity == 1 && aws_appautoscaling_target.this.max_capacity == 1 && length(aws_appautoscaling_policy.cpu) == 0
    error_message = "Without max_count there is no scaling policy."
  }
  assert {
    condition     = length(aws_ecs_cluster.this) == 1 && tolist(aws_ecs_cluster.this[0].setting)[0].value == "disabled"
    error_message = "Without a shared cluster the service gets its own, without Container Insights."
  }
}

run "scaling" {
  command = apply

  variables {
    desired_count = 2
    max_count     = 6
  }

  assert {
    condition     = aws_appautoscaling_target.this.min_capacity == 2 && aws_appautoscaling_target.this.max_capacity == 6
    error_message = "The scalable target must span desired_count to max_count."
  }
  assert {
    condition     = aws_appautoscaling_policy.cpu[0].policy_type == "TargetTrackingScaling" && aws_appautoscaling_policy.cpu[0].target_tracking_scaling_policy_configuration[0].target_value == 70 && aws_appautoscaling_policy.cpu[0].target_tracking_scaling_policy_configuration[0].predefined_metric_specification[0].predefined_metric_type == "ECSServiceAverageCPUUtilization"
    error_message = "Above desired_count the service must track 70 % CPU."
  }
}

run "outputs" {
  command = apply

  variables {
    cluster_arn = "arn:aws:ecs:eu-west-1:123456789012:cluster/prod-botolph"
    redeploy    = { django_secret_key = "1" }
  }

  assert {
    condition     = output.url == "https://www.botolphs.example.org" && output.cluster_name == "prod-botolph" && length(aws_ecs_cluster.this) == 0
    error_message = "A shared cluster must be used by name, and the URL be HTTPS."
  }
  assert {
    condition     = output.task_template.secrets == var.secrets && output.task_template.environment == var.environment && length(output.task_template.security_group_ids) == 1 && output.task_template.security_group_ids[0] == aws_security_group.this.id
    error_message = "Tasks must reuse the service's env, secrets and security group."
  }
  assert {
    condition     = aws_ecs_service.this[0].triggers["django_secret_key"] == "1" && aws_ecs_service.this[0].force_new_deployment
    error_message = "A secret's version must be a redeploy trigger."
  }
}

run "worker_with_exec" {
  command = apply

  variables {
    public       = false
    listener_arn = null
    exec         = true
  }

  assert {
    condition     = length(aws_lb_target_group.this) == 0 && length(aws_lb_listener_rule.this) == 0 && length(aws_vpc_security_group_ingress_rule.alb) == 0 && length(aws_route53_record.alias) == 0
    error_message = "A worker must have no route from the load balancer."
  }
  assert {
    condition     = aws_ecs_service.this[0].enable_execute_command && anytrue([for s in data.aws_iam_policy_document.task.statement : s.sid == "EcsExec"])
    error_message = "exec must enable ECS Exec and its channel rights."
  }
}

run "plaintext_secret_refused" {
  command = plan

  variables {
    secrets = { DJANGO_SECRET_KEY = "hunter2" }
  }

  expect_failures = [var.secrets]
}

run "bad_retention" {
  command = plan

  variables {
    log_retention = 31
  }

  expect_failures = [var.log_retention]
}
