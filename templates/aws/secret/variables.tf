variable "name" {
  description = "Name of the secret (/<site>/<env>/<name>)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9/_+=.@-]{1,512}$", var.name))
    error_message = "name must be 1 to 512 letters, digits or /_+=.@- characters."
  }
}

variable "generate" {
  description = "Length of a generated value (16 to 4096 letters and digits); null: the operator sets the value."
  type        = number
  default     = null

  validation {
    condition     = var.generate == null ? true : var.generate >= 16 && var.generate <= 4096 && floor(var.generate) == var.generate
    error_message = "generate must be a whole number from 16 to 4096."
  }
}

variable "value_version" {
  description = "Version of the generated value; bump it to generate a new one."
  type        = number
  default     = 1

  validation {
    condition     = var.value_version >= 1 && floor(var.value_version) == var.value_version
    error_message = "value_version must be a whole number from 1."
  }
}

variable "recovery_days" {
  description = "Days a deleted secret can be restored: 0 (deleted at once, the name is free again) or 7 to 30."
  type        = number
  default     = 7

  validation {
    condition     = var.recovery_days == 0 || (var.recovery_days >= 7 && var.recovery_days <= 30)
    error_message = "recovery_days must be 0 or 7 to 30."
  }
}

variable "description" {
  description = "Description of the secret."
  type        = string
  default     = null
}
