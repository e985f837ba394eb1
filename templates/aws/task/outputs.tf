output "task_definition_arn" {
  description = "Current revision of the task definition."
  value       = aws_ecs_task_definition.this.arn
}

output "family" {
  description = "Family of the task definition."
  value       = aws_ecs_task_definition.this.family
}

output "run_task" {
  description = "The command that runs the task once."
  value       = local.run_task
}
