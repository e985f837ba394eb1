variable "name" {
  description = "Name of the service (<env>-<site>-<service>): ECS service, task family, roles, log group."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9-]{0,58}$", var.name))
    error_message = "name must be letters, digits and hyphens, at most 59 characters (its role names add 5)."
  }
}

variable "target_group_name" {
  description = "Name of the target group, at most 32 characters; null uses name."
  type        = string
  default     = null
}

variable "cluster_name" {
  description = "Name of the shared cluster of cluster_arn, when that ARN is not known until apply."
  type        = string
  default     = null
}

variable "cluster_arn" {
  description = "ECS cluster shared by the site's services; null creates one named after the service."
  type        = string
  default     = null
}

variable "vpc_id" {
  description = "VPC of the tasks."
  type        = string
}

variable "subnet_ids" {
  description = "Subnets the tasks run in (the network's task_subnet_ids)."
  type        = list(string)
}

variable "assign_public_ip" {
  description = "Give each task a public IP: needed in public subnets without NAT."
  type        = bool
}

variable "deploy" {
  description = "Who rolls out new revisions: \"terraform\" (each apply) or \"ci\" (the service ignores task_definition)."
  type        = string
  default     = "terraform"

  validation {
    condition     = contains(["terraform", "ci"], var.deploy)
    error_message = "deploy must be \"terraform\" or \"ci\"."
  }
}

variable "image" {
  description = "Container image reference (preferably pinned by digest or an immutable tag)."
  type        = string
}

variable "port" {
  description = "Port the container listens on."
  type        = number

  validation {
    condition     = var.port >= 1 && var.port <= 65535 && floor(var.port) == var.port
    error_message = "port must be 1 to 65535."
  }
}

variable "command" {
  description = "Command of the container; null keeps the image's."
  type        = list(string)
  default     = null
}

variable "cpu" {
  description = "Fargate CPU units of the task."
  type        = number
  default     = 256

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096, 8192, 16384], var.cpu)
    error_message = "cpu must be one of Fargate's 256, 512, 1024, 2048, 4096, 8192, 16384."
  }
}

variable "memory" {
  description = "Memory of the task in MiB, one of Fargate's values for cpu."
  type        = number
  default     = 512

  validation {
    condition     = var.memory >= 512 && var.memory <= 122880
    error_message = "memory must be 512 to 122880 MiB."
  }
}

variable "arch" {
  description = "CPU architecture of the image: X86_64 or ARM64."
  type        = string
  default     = "X86_64"

  validation {
    condition     = contains(["X86_64", "ARM64"], var.arch)
    error_message = "arch must be X86_64 or ARM64."
  }
}

variable "environment" {
  description = "Plain environment values of the container; never a secret."
  type        = map(string)
  default     = {}
}

variable "secrets" {
  description = "Secret environment values: name => Secrets Manager ARN (or ARN:json-key::), read by the execution role."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for v in values(var.secrets) : can(regex("^arn:[a-z-]+:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[^:]+(:[^:]*:[^:]*:[^:]*)?$", v))])
    error_message = "Each secrets value must be a Secrets Manager secret ARN, optionally followed by :json-key:version-stage:version-id."
  }
}

variable "bucket_arns" {
  description = "Buckets whose objects the application may read and write."
  type        = list(string)
  default     = []
}

variable "email_identity_arns" {
  description = "SES identities the application may send from."
  type        = list(string)
  default     = []
}

variable "exec" {
  description = "Allow ECS Exec (aws ecs execute-command) into the tasks."
  type        = bool
  default     = false
}

variable "spot" {
  description = "Run on FARGATE_SPOT capacity (a shared cluster must offer it)."
  type        = bool
  default     = false
}

variable "desired_count" {
  description = "Number of tasks, and the minimum when scaling."
  type        = number
  default     = 1

  validation {
    condition     = var.desired_count >= 0 && var.desired_count <= 1000 && floor(var.desired_count) == var.desired_count
    error_message = "desired_count must be a whole number from 0 to 1000."
  }
}

variable "max_count" {
  description = "Maximum number of tasks; above desired_count the service scales on CPU. Null: desired_count."
  type        = number
  default     = null

  validation {
    condition     = var.max_count == null ? true : var.max_count >= var.desired_count && var.max_count <= 1000
    error_message = "max_count must be at least desired_count and at most 1000."
  }
}

variable "scale_cpu" {
  description = "Average CPU percentage the scaling keeps the tasks at."
  type        = number
  default     = 70

  validation {
    condition     = var.scale_cpu >= 10 && var.scale_cpu <= 95
    error_message = "scale_cpu must be 10 to 95."
  }
}

variable "health" {
  description = "Path of the load balancer's health check."
  type        = string
  default     = "/"

  validation {
    condition     = can(regex("^/[^ ]*$", var.health))
    error_message = "health must be an absolute path without spaces."
  }
}

variable "health_codes" {
  description = "HTTP codes of a healthy answer, in the ELB matcher syntax (200, 200,302, 200-399)."
  type        = string
  default     = "200-399"

  validation {
    condition     = can(regex("^[0-9]{3}(-[0-9]{3})?(,[0-9]{3}(-[0-9]{3})?)*$", var.health_codes))
    error_message = "health_codes must be codes or ranges separated by commas, such as 200,302 or 200-399."
  }
}

variable "health_grace" {
  description = "Seconds a new task may fail its health checks while it starts."
  type        = number
  default     = 60
}

variable "log_retention" {
  description = "Days the container logs are kept, one of CloudWatch's values."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention)
    error_message = "log_retention must be one of CloudWatch's values: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "public" {
  description = "Route traffic from the load balancer; false for workers."
  type        = bool
  default     = true
}

variable "listener_arn" {
  description = "Listener of the load balancer the rule is added to; required when public."
  type        = string
  default     = null
}

variable "alb_security_group_id" {
  description = "Security group of the load balancer, the only source the tasks admit."
  type        = string
  default     = null

  validation {
    condition     = var.listener_arn == null || var.alb_security_group_id != null
    error_message = "A routed service needs alb_security_group_id."
  }
}

variable "priority" {
  description = "Priority of the listener rule, unique on the listener (1 to 50000)."
  type        = number
  default     = null

  validation {
    condition     = var.listener_arn == null || (var.priority != null ? var.priority >= 1 && var.priority <= 50000 : false)
    error_message = "A routed service needs a priority from 1 to 50000."
  }
}

variable "host" {
  description = "Domain the listener rule matches; null matches any host."
  type        = string
  default     = null
}

variable "paths" {
  description = "Path patterns the listener rule matches."
  type        = list(string)
  default     = ["/*"]

  validation {
    condition     = length(var.paths) >= 1 && length(var.paths) <= 4
    error_message = "paths must hold 1 to 4 patterns (a rule matches at most 5 values)."
  }
}

variable "zone_id" {
  description = "Route53 zone of host: an alias record to the load balancer is written there."
  type        = string
  default     = null
}

variable "alb_dns_name" {
  description = "DNS name of the load balancer, target of the alias."
  type        = string
  default     = null
}

variable "alb_zone_id" {
  description = "Hosted zone of the load balancer's DNS name."
  type        = string
  default     = null
}

variable "redeploy" {
  description = "Values whose change starts a new deployment (versions of the secrets the service reads)."
  type        = map(string)
  default     = {}
}
