# A one-off task (a migration, an admin command): a task definition that
# reuses a service's image, environment, secrets, roles and log group with
# its own command, and the exact `aws ecs run-task` line that starts it in
# the service's subnets and security group.

data "aws_region" "this" {}

locals {
  cpu    = var.cpu == null ? var.service.cpu : var.cpu
  memory = var.memory == null ? var.service.memory : var.memory

  network = join(",", [
    "subnets=[${join(",", var.service.subnet_ids)}]",
    "securityGroups=[${join(",", var.service.security_group_ids)}]",
    "assignPublicIp=${var.service.assign_public_ip ? "ENABLED" : "DISABLED"}",
  ])

  run_task = join(" ", compact([
    "aws ecs run-task",
    "--region ${data.aws_region.this.region}",
    var.profile == null ? "" : "--profile ${var.profile}",
    "--cluster ${var.service.cluster_name}",
    "--launch-type FARGATE",
    "--task-definition ${aws_ecs_task_definition.this.family}:${aws_ecs_task_definition.this.revision}",
    "--network-configuration 'awsvpcConfiguration={${local.network}}'",
  ]))
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = tostring(local.cpu)
  memory                   = tostring(local.memory)
  execution_role_arn       = var.service.execution_role_arn
  task_role_arn            = var.service.task_role_arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.service.arch
  }

  container_definitions = jsonencode([{
    name        = "app"
    image       = var.service.image
    essential   = true
    command     = var.command
    environment = [for k in sort(keys(var.service.environment)) : { name = k, value = var.service.environment[k] }]
    secrets     = [for k in sort(keys(var.service.secrets)) : { name = k, valueFrom = var.service.secrets[k] }]
    linuxParameters = {
      initProcessEnabled = true
    }
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = var.service.log_group_name
        awslogs-region        = data.aws_region.this.region
        awslogs-stream-prefix = var.name
      }
    }
  }])
}
