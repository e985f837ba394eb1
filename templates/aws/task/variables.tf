variable "name" {
  description = "Family of the task definition (<env>-<site>-<task>)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$", var.name))
    error_message = "name must be up to 255 letters, digits, hyphens or underscores."
  }
}

variable "service" {
  description = "The task_template output of the service module whose image, env, secrets and roles the task reuses."
  type = object({
    cluster_arn        = string
    cluster_name       = string
    image              = string
    port               = number
    command            = list(string)
    cpu                = number
    memory             = number
    arch               = string
    environment        = map(string)
    secrets            = map(string)
    execution_role_arn = string
    task_role_arn      = string
    log_group_name     = string
    subnet_ids         = list(string)
    security_group_ids = list(string)
    assign_public_ip   = bool
  })
}

variable "command" {
  description = "Command of the task, such as [\"python\", \"manage.py\", \"migrate\"]."
  type        = list(string)

  validation {
    condition     = length(var.command) > 0
    error_message = "command must not be empty."
  }
}

variable "cpu" {
  description = "Fargate CPU units; null uses the service's."
  type        = number
  default     = null

  validation {
    condition     = var.cpu == null ? true : contains([256, 512, 1024, 2048, 4096, 8192, 16384], var.cpu)
    error_message = "cpu must be one of Fargate's 256, 512, 1024, 2048, 4096, 8192, 16384."
  }
}

variable "memory" {
  description = "Memory in MiB; null uses the service's."
  type        = number
  default     = null
}

variable "profile" {
  description = "AWS profile written into the run-task command; null writes none."
  type        = string
  default     = null
}
