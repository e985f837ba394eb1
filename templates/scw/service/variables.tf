variable "name" {
  description = "Name of the container (<env>-<site>-<service>)."
  type        = string
}

variable "namespace_id" {
  description = "Container namespace of the environment and site."
  type        = string
}

variable "image" {
  description = "Image reference the container runs."
  type        = string
}

variable "port" {
  description = "Port the container listens on."
  type        = number
}

variable "public" {
  description = "false: the container is private (callers need a token)."
  type        = bool
}

variable "cpu_limit" {
  description = "vCPU of each instance, in mvCPU."
  type        = number
}

variable "memory_limit_bytes" {
  description = "Memory of each instance, in bytes."
  type        = number
}

variable "min_scale" {
  description = "Instances always running; 0 scales to zero."
  type        = number
}

variable "max_scale" {
  description = "Most instances the container scales to."
  type        = number
}

variable "scale_cpu" {
  description = "CPU usage (%) above which an instance is added."
  type        = number
}

variable "health" {
  description = "Path of the HTTP liveness probe."
  type        = string
}

variable "args" {
  description = "Arguments replacing the image's CMD; null keeps it."
  type        = list(string)
  default     = null
}

variable "private_network_id" {
  description = "Private network the container reaches the databases on."
  type        = string
}

variable "environment" {
  description = "Plain environment variables."
  type        = map(string)
  default     = {}
}

variable "secret_environment" {
  description = "Secret environment variables (in the state)."
  type        = map(string)
  default     = {}
  sensitive   = true
}

variable "domain" {
  description = "Custom domain, bound once its CNAME resolves; null: none."
  type        = string
  default     = null
}
