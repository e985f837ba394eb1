# The one-off task module with mocked providers: the task definition
# reuses the service's, and the run-task line is exact.

mock_provider "aws" {}

mock_provider "aws" {
  alias = "dns"
}

override_data {
  target = data.aws_region.this
  values = { region = "eu-west-1" }
}

override_resource {
  target = aws_ecs_task_definition.this
  values = {
    arn      = "arn:aws:ecs:eu-west-1:123456789012:task-definition/prod-botolph-migrate:7"
    revision = 7
  }
}

variables {
  name    = "prod-botolph-migrate"
  command = ["python", "manage.py", "migrate"]
  service = {
    cluster_arn        = "arn:aws:ecs:eu-west-1:123456789012:cluster/prod-botolph"
    cluster_name       = "prod-botolph"
    image              = "asanami/botolphs:1.3"
    port               = 3000
    command            = null
    cpu                = 1024
    memory             = 2048
    arch               = "X86_64"
    environment        = { PORT = "3000" }
    secrets            = { DJANGO_DB_PASSWORD = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:/botolph/prod/main-AbCdEf:password::" }
    execution_role_arn = "arn:aws:iam::123456789012:role/prod-botolph-web-exec"
    task_role_arn      = "arn:aws:iam::123456789012:role/prod-botolph-web-task"
    log_group_name     = "/ecs/prod-botolph-web"
    subnet_ids         = ["subnet-a", "subnet-b"]
    security_group_ids = ["sg-web"]
    assign_public_ip   = true
  }
}

run "reuses_the_service" {
  command = apply

  assert {
    condition     = aws_ecs_task_definition.this.execution_role_arn == var.service.execution_role_arn && aws_ecs_task_definition.this.task_role_arn == var.service.task_role_arn && aws_ecs_task_definition.this.cpu == "1024"
    error_message = "The task must run with the service's roles and size."
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.this.container_definitions)[0].command == ["python", "manage.py", "migrate"] && jsondecode(aws_ecs_task_definition.this.container_definitions)[0].image == "asanami/botolphs:1.3"
    error_message = "The task must run its command in the service's image."
  }
  assert {
    condition     = jsondecode(aws_ecs_task_definition.this.container_definitions)[0].secrets == [{ name = "DJANGO_DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:/botolph/prod/main-AbCdEf:password::" }]
    error_message = "The task must get the service's secrets by ARN."
  }
  assert {
    condition     = output.run_task == "aws ecs run-task --region eu-west-1 --cluster prod-botolph --launch-type FARGATE --task-definition prod-botolph-migrate:7 --network-configuration 'awsvpcConfiguration={subnets=[subnet-a,subnet-b],securityGroups=[sg-web],assignPublicIp=ENABLED}'"
    error_message = "The run-task line differs."
  }
}

run "own_size_and_profile" {
  command = apply

  variables {
    cpu     = 2048
    memory  = 4096
    profile = "botolph-prod"
  }

  assert {
    condition     = aws_ecs_task_definition.this.cpu == "2048" && aws_ecs_task_definition.this.memory == "4096"
    error_message = "cpu and memory must override the service's."
  }
  assert {
    condition     = startswith(output.run_task, "aws ecs run-task --region eu-west-1 --profile botolph-prod --cluster prod-botolph ")
    error_message = "The profile must be in the run-task line."
  }
}

run "empty_command" {
  command = plan

  variables {
    command = []
  }

  expect_failures = [var.command]
}
