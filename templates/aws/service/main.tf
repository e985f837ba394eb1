# One containerised service on ECS Fargate: its log group, execution and
# task roles scoped to exactly the secrets, buckets and email identities it
# is given, its security group (reachable only from the load balancer, on
# its port), target group, listener rule and DNS alias, task definition and
# service, with a circuit breaker that rolls a failed deployment back and
# target tracking on CPU when it may scale.

data "aws_region" "this" {}

data "aws_partition" "this" {}

data "aws_caller_identity" "this" {}

locals {
  container = "app"
  max_count = var.max_count == null ? var.desired_count : var.max_count
  # From var.public alone: the listener's ARN is unknown until the load
  # balancer exists, and a count cannot wait for it.
  routed = var.public
  # Whichever variant exists; the scalable target waits for it.
  service_name = one(concat(aws_ecs_service.this[*].name, aws_ecs_service.ci[*].name))

  # A shared cluster's name is known at plan, its ARN not: the counts read
  # the name, so they never wait for a cluster being created.
  own_cluster  = var.cluster_name != null ? false : var.cluster_arn == null
  cluster_arn  = var.cluster_arn != null ? var.cluster_arn : one(aws_ecs_cluster.this[*].arn)
  cluster_name = var.cluster_name != null ? var.cluster_name : var.cluster_arn == null ? one(aws_ecs_cluster.this[*].name) : element(split("/", var.cluster_arn), 1)

  # A secrets value is a secret ARN, or "<arn>:<json key>::"; the role gets
  # the secret itself: the first seven colon-separated fields.
  secret_arns = distinct([for v in values(var.secrets) : join(":", slice(split(":", v), 0, 7))])

  # An image in ECR needs pull rights on its repository; others need none.
  ecr = regex("^(?:(?P<account>[0-9]{12})\\.dkr\\.ecr\\.(?P<region>[a-z0-9-]+)\\.amazonaws\\.com/(?P<repository>[^:@]+))?", var.image)

  log_group = "/ecs/${var.name}"

  container_definition = merge(
    {
      name      = local.container
      image     = var.image
      essential = true
      portMappings = [{
        containerPort = var.port
        protocol      = "tcp"
      }]
      environment = [for k in sort(keys(var.environment)) : { name = k, value = var.environment[k] }]
      secrets     = [for k in sort(keys(var.secrets)) : { name = k, valueFrom = var.secrets[k] }]
      # An init process reaps zombies and forwards signals (and ECS Exec needs it).
      linuxParameters = { initProcessEnabled = true }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.this.name
          awslogs-region        = data.aws_region.this.region
          awslogs-stream-prefix = local.container
        }
      }
    },
    var.command == null ? {} : { command = var.command },
  )
}

resource "aws_ecs_cluster" "this" {
  count = local.own_cluster ? 1 : 0

  name = var.name

  # Container Insights is billed per metric; left off.
  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  count = local.own_cluster ? 1 : 0

  cluster_name       = aws_ecs_cluster.this[0].name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]
}

resource "aws_cloudwatch_log_group" "this" {
  name              = local.log_group
  retention_in_days = var.log_retention
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    # Only ECS tasks of this account may take the roles.
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.this.account_id]
    }
  }
}

# The execution role starts the task: it writes the logs, pulls the image
# and reads the secrets injected into the container, and nothing else.
resource "aws_iam_role" "execution" {
  name               = "${var.name}-exec"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

data "aws_iam_policy_document" "execution" {
  statement {
    sid       = "WriteLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:log-stream:*"]
  }

  dynamic "statement" {
    for_each = length(var.secrets) > 0 ? [1] : []

    content {
      sid       = "ReadOwnSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = local.secret_arns
    }
  }

  # GetAuthorizationToken has no resource-level permissions (ECR user
  # guide, "Private repository policies"); the pulls are scoped.
  dynamic "statement" {
    for_each = local.ecr.repository == null ? [] : [1]

    content {
      sid       = "EcrToken"
      actions   = ["ecr:GetAuthorizationToken"]
      resources = ["*"]
    }
  }

  dynamic "statement" {
    for_each = local.ecr.repository == null ? [] : [1]

    content {
      sid       = "PullImage"
      actions   = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
      resources = ["arn:${data.aws_partition.this.partition}:ecr:${local.ecr.region}:${local.ecr.account}:repository/${local.ecr.repository}"]
    }
  }
}

resource "aws_iam_role_policy" "execution" {
  name   = "${var.name}-exec"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

# The task role is what the application itself may do: its buckets' objects,
# sending from its email identities, ECS Exec when asked; no IAM user keys.
resource "aws_iam_role" "task" {
  name               = "${var.name}-task"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

data "aws_iam_policy_document" "task" {
  dynamic "statement" {
    for_each = length(var.bucket_arns) > 0 ? [1] : []

    content {
      sid       = "ListBuckets"
      actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
      resources = var.bucket_arns
    }
  }

  dynamic "statement" {
    for_each = length(var.bucket_arns) > 0 ? [1] : []

    content {
      sid = "UseObjects"
      actions = [
        "s3:GetObject",
        "s3:PutObject",
        "s3:DeleteObject",
        "s3:AbortMultipartUpload",
        "s3:ListMultipartUploadParts",
      ]
      resources = [for arn in var.bucket_arns : "${arn}/*"]
    }
  }

  dynamic "statement" {
    for_each = length(var.email_identity_arns) > 0 ? [1] : []

    content {
      sid       = "SendEmail"
      actions   = ["ses:SendEmail", "ses:SendRawEmail"]
      resources = var.email_identity_arns
    }
  }

  # The ssmmessages actions have no resource types (Service Authorization
  # Reference, Amazon Session Manager Message Gateway Service).
  dynamic "statement" {
    for_each = var.exec ? [1] : []

    content {
      sid = "EcsExec"
      actions = [
        "ssmmessages:CreateControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel",
      ]
      resources = ["*"]
    }
  }
}

resource "aws_iam_role_policy" "task" {
  count = length(var.bucket_arns) + length(var.email_identity_arns) > 0 || var.exec ? 1 : 0

  name   = "${var.name}-task"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.task.json
}

resource "aws_security_group" "this" {
  name        = var.name
  description = "Tasks of ${var.name}: inbound from the load balancer only"
  vpc_id      = var.vpc_id

  tags = {
    Name = var.name
  }
}

# Outbound to anywhere: ECR, logs, Secrets Manager, the database, SES.
resource "aws_vpc_security_group_egress_rule" "all" {
  security_group_id = aws_security_group.this.id
  description       = "Outbound"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "alb" {
  count = local.routed ? 1 : 0

  security_group_id            = aws_security_group.this.id
  description                  = "From the load balancer, on the container port"
  ip_protocol                  = "tcp"
  from_port                    = var.port
  to_port                      = var.port
  referenced_security_group_id = var.alb_security_group_id
}

resource "aws_vpc_security_group_egress_rule" "alb" {
  count = local.routed ? 1 : 0

  security_group_id            = var.alb_security_group_id
  description                  = "To ${var.name} on its port"
  ip_protocol                  = "tcp"
  from_port                    = var.port
  to_port                      = var.port
  referenced_security_group_id = aws_security_group.this.id
}

resource "aws_lb_target_group" "this" {
  count = local.routed ? 1 : 0

  name        = coalesce(var.target_group_name, var.name)
  port        = var.port
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id

  # 30 s instead of 300: tasks are replaced often, requests are short.
  deregistration_delay = 30

  health_check {
    path                = var.health
    matcher             = var.health_codes
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_listener_rule" "this" {
  count = local.routed ? 1 : 0

  listener_arn = var.listener_arn
  priority     = var.priority

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this[0].arn
  }

  dynamic "condition" {
    for_each = var.host == null ? [] : [var.host]

    content {
      host_header {
        values = [condition.value]
      }
    }
  }

  condition {
    path_pattern {
      values = var.paths
    }
  }
}

resource "aws_route53_record" "alias" {
  count    = local.routed && var.host != null && var.zone_id != null ? 1 : 0
  provider = aws.dns

  zone_id = var.zone_id
  name    = var.host
  type    = "A"

  alias {
    name                   = var.alb_dns_name
    zone_id                = var.alb_zone_id
    evaluate_target_health = true
  }
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = tostring(var.cpu)
  memory                   = tostring(var.memory)
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.arch
  }

  # Plain values only: secrets are references (valueFrom) that ECS resolves
  # when the task starts.
  container_definitions = jsonencode([local.container_definition])
}

# With deploy = "terraform", every apply rolls out the current revision.
resource "aws_ecs_service" "this" {
  count = var.deploy == "terraform" ? 1 : 0

  name             = var.name
  cluster          = local.cluster_arn
  task_definition  = aws_ecs_task_definition.this.arn
  desired_count    = var.desired_count
  launch_type      = var.spot ? null : "FARGATE"
  platform_version = "LATEST"
  propagate_tags   = "SERVICE"

  enable_ecs_managed_tags           = true
  enable_execute_command            = var.exec
  health_check_grace_period_seconds = local.routed ? var.health_grace : null

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  # A deployment whose tasks never get healthy is stopped and the previous
  # task definition restored.
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  dynamic "capacity_provider_strategy" {
    for_each = var.spot ? [1] : []

    content {
      capacity_provider = "FARGATE_SPOT"
      weight            = 1
    }
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = [aws_security_group.this.id]
    assign_public_ip = var.assign_public_ip
  }

  dynamic "load_balancer" {
    for_each = local.routed ? [1] : []

    content {
      target_group_arn = aws_lb_target_group.this[0].arn
      container_name   = local.container
      container_port   = var.port
    }
  }

  # A change of any value (a rotated secret's version) restarts the tasks,
  # which read their secrets only when they start.
  force_new_deployment = true
  triggers             = var.redeploy

  # The scalable target owns the number of tasks after creation.
  lifecycle {
    ignore_changes = [desired_count]
  }

  # The target group must be attached to the listener first.
  depends_on = [aws_lb_listener_rule.this, aws_ecs_cluster_capacity_providers.this]
}

# With deploy = "ci", CI rolls out (ECS deploy actions); lifecycle cannot
# be conditional, hence a second resource.
resource "aws_ecs_service" "ci" {
  count = var.deploy == "ci" ? 1 : 0

  name             = var.name
  cluster          = local.cluster_arn
  task_definition  = aws_ecs_task_definition.this.arn
  desired_count    = var.desired_count
  launch_type      = var.spot ? null : "FARGATE"
  platform_version = "LATEST"
  propagate_tags   = "SERVICE"

  enable_ecs_managed_tags           = true
  enable_execute_command            = var.exec
  health_check_grace_period_seconds = local.routed ? var.health_grace : null

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  # A deployment whose tasks never get healthy is stopped and the previous
  # task definition restored.
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  dynamic "capacity_provider_strategy" {
    for_each = var.spot ? [1] : []

    content {
      capacity_provider = "FARGATE_SPOT"
      weight            = 1
    }
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = [aws_security_group.this.id]
    assign_public_ip = var.assign_public_ip
  }

  dynamic "load_balancer" {
    for_each = local.routed ? [1] : []

    content {
      target_group_arn = aws_lb_target_group.this[0].arn
      container_name   = local.container
      container_port   = var.port
    }
  }

  # A change of any value (a rotated secret's version) restarts the tasks,
  # which read their secrets only when they start.
  force_new_deployment = true
  triggers             = var.redeploy

  # The scalable target owns the number of tasks after creation, and CI
  # the task definition: a revision Terraform registers (with the image
  # the pointer names, so never an older one) is not rolled out by it.
  lifecycle {
    ignore_changes = [desired_count, task_definition]
  }

  # The target group must be attached to the listener first.
  depends_on = [aws_lb_listener_rule.this, aws_ecs_cluster_capacity_providers.this]
}

# Always registered, so that changing desired_count moves the service into
# the new range (Application Auto Scaling RegisterScalableTarget).
resource "aws_appautoscaling_target" "this" {
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${local.cluster_name}/${local.service_name}"
  min_capacity       = var.desired_count
  max_capacity       = local.max_count
}

resource "aws_appautoscaling_policy" "cpu" {
  count = local.max_count > var.desired_count ? 1 : 0

  name               = "${var.name}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension
  resource_id        = aws_appautoscaling_target.this.resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.scale_cpu
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
