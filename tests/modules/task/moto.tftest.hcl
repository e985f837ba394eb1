# The one-off task definition registered in the local AWS emulator.

variables {
  name    = "test-botolph-migrate"
  command = ["python", "manage.py", "migrate"]
  service = {
    cluster_arn        = "arn:aws:ecs:eu-west-1:123456789012:cluster/test-botolph"
    cluster_name       = "test-botolph"
    image              = "asanami/botolphs:1.3"
    port               = 3000
    command            = null
    cpu                = 256
    memory             = 512
    arch               = "X86_64"
    environment        = { PORT = "3000" }
    secrets            = {}
    execution_role_arn = "arn:aws:iam::123456789012:role/test-botolph-web-exec"
    task_role_arn      = "arn:aws:iam::123456789012:role/test-botolph-web-task"
    log_group_name     = "/ecs/test-botolph-web"
    subnet_ids         = ["subnet-a", "subnet-b"]
    security_group_ids = ["sg-web"]
    assign_public_ip   = false
  }
}

run "registered" {
  assert {
    condition     = aws_ecs_task_definition.this.revision >= 1 && strcontains(output.run_task, "--task-definition test-botolph-migrate:${aws_ecs_task_definition.this.revision} ") && strcontains(output.run_task, "assignPublicIp=DISABLED")
    error_message = "The run-task line must name the registered revision."
  }
}
