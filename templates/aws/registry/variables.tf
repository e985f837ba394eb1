variable "name" {
  description = "Name of the ECR repository (exii/django)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*$", var.name)) && length(var.name) >= 2 && length(var.name) <= 256
    error_message = "name must be an ECR repository name: lowercase letters and digits, '.', '_' or '-' between them, components joined by '/'."
  }
}

variable "pointers" {
  description = "Environment => name of the SSM parameter holding the tag that environment runs (/<site>/<env>/<service>/image)."
  type        = map(string)
}

variable "pull_account_ids" {
  description = "Accounts whose task execution roles may pull the images (the environments' accounts); empty: this account only."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.pull_account_ids : can(regex("^[0-9]{12}$", a))])
    error_message = "pull_account_ids must be 12-digit AWS account ids."
  }
}

variable "keep_images" {
  description = "Images kept; older ones expire."
  type        = number
  default     = 100

  validation {
    condition     = var.keep_images >= 1 && floor(var.keep_images) == var.keep_images
    error_message = "keep_images must be a whole number from 1."
  }
}
