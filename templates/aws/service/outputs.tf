output "service_name" {
  description = "Name of the ECS service."
  value       = local.service_name
}

output "service_arn" {
  description = "ARN of the ECS service."
  value       = one(concat(aws_ecs_service.this[*].id, aws_ecs_service.ci[*].id))
}

output "cluster_arn" {
  description = "Cluster the service runs in."
  value       = local.cluster_arn
}

output "cluster_name" {
  description = "Name of the cluster."
  value       = local.cluster_name
}

output "task_definition_arn" {
  description = "Current revision of the task definition."
  value       = aws_ecs_task_definition.this.arn
}

output "family" {
  description = "Family of the task definition."
  value       = aws_ecs_task_definition.this.family
}

output "execution_role_arn" {
  description = "Role ECS uses to start the tasks."
  value       = aws_iam_role.execution.arn
}

output "task_role_arn" {
  description = "Role of the application."
  value       = aws_iam_role.task.arn
}

output "security_group_id" {
  description = "Security group of the tasks; databases admit it."
  value       = aws_security_group.this.id
}

output "target_group_arn" {
  description = "Target group (null when the service is not routed)."
  value       = one(aws_lb_target_group.this[*].arn)
}

output "log_group_name" {
  description = "CloudWatch log group of the containers."
  value       = aws_cloudwatch_log_group.this.name
}

output "url" {
  description = "Public URL of the service (null without a host)."
  value       = local.routed && var.host != null ? "https://${var.host}" : null
}

output "task_template" {
  description = "What a one-off task of this service reuses (no secret values: ARNs only)."
  value = {
    cluster_arn        = local.cluster_arn
    cluster_name       = local.cluster_name
    image              = var.image
    port               = var.port
    command            = var.command
    cpu                = var.cpu
    memory             = var.memory
    arch               = var.arch
    environment        = var.environment
    secrets            = var.secrets
    execution_role_arn = aws_iam_role.execution.arn
    task_role_arn      = aws_iam_role.task.arn
    log_group_name     = aws_cloudwatch_log_group.this.name
    subnet_ids         = var.subnet_ids
    security_group_ids = [aws_security_group.this.id]
    assign_public_ip   = var.assign_public_ip
  }
}
