variable "name" {
  description = "Name of the secret."
  type        = string
}

variable "path" {
  description = "Path of the secret (/<site>/<env>)."
  type        = string
}

variable "length" {
  description = "Length of a generated value; null: the operator sets it."
  type        = number
  default     = null
}

variable "secret_version" {
  description = "Bump to generate a new value."
  type        = number
  default     = 1
}

variable "given" {
  description = "Whether the root gives the value (value)."
  type        = bool
  default     = false
}

variable "value" {
  description = "The value, with given = true."
  type        = string
  default     = null
  sensitive   = true
}

variable "read" {
  description = "Whether a container needs the value of an external secret."
  type        = bool
  default     = true
}
