variable "name" {
  description = "Name of the job definition (<env>-<site>-<task>)."
  type        = string
}

variable "image" {
  description = "Image the job runs (the service's)."
  type        = string
}

variable "command" {
  description = "The command, as one shell-quoted string."
  type        = string
}

variable "cpu_limit" {
  description = "vCPU of the run, in mvCPU."
  type        = number
}

variable "memory_limit" {
  description = "Memory of the run, in MB."
  type        = number
}

variable "environment" {
  description = "Plain environment variables."
  type        = map(string)
  default     = {}
}

variable "secrets" {
  description = "Environment variable name -> Secret Manager secret id."
  type        = map(string)
  default     = {}
}
