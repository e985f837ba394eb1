variable "name" {
  description = "RDS identifier (<env>-<site>-<database>), also of its subnet group and security group."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,56}[a-z0-9]$", var.name)) && !strcontains(var.name, "--")
    error_message = "name must be lowercase letters, digits and single hyphens, starting with a letter, at most 58 characters (the final snapshot adds 6)."
  }
}

variable "vpc_id" {
  description = "VPC of the database."
  type        = string
}

variable "subnet_ids" {
  description = "Database subnets, in at least two zones (the network's database_subnet_ids)."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "An RDS subnet group needs subnets in at least two zones."
  }
}

variable "client_security_group_ids" {
  description = "Security groups allowed to connect, by label (the services that use the database)."
  type        = map(string)
  default     = {}
}

variable "db_name" {
  description = "Name of the database created in the instance."
  type        = string

  validation {
    condition     = can(regex("^[a-z_][a-z0-9_]{0,62}$", var.db_name))
    error_message = "db_name must be a PostgreSQL identifier: lowercase letters, digits and _, at most 63 characters."
  }
}

variable "username" {
  description = "Master user name."
  type        = string

  validation {
    condition     = can(regex("^[a-z_][a-z0-9_]{0,62}$", var.username)) && !contains(["postgres", "rdsadmin"], var.username)
    error_message = "username must be a PostgreSQL identifier other than postgres and rdsadmin."
  }
}

variable "engine_version" {
  description = "PostgreSQL version: a major version (17) follows RDS's default minor version."
  type        = string
  default     = "17"

  validation {
    condition     = can(regex("^[0-9]+(\\.[0-9]+)?$", var.engine_version))
    error_message = "engine_version must be a PostgreSQL version such as 17 or 16.4."
  }
}

variable "instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.micro"

  validation {
    condition     = startswith(var.instance_class, "db.")
    error_message = "instance_class must be an RDS class (db....)."
  }
}

variable "storage" {
  description = "Allocated storage in GB (gp3)."
  type        = number
  default     = 20

  validation {
    condition     = var.storage >= 20 && var.storage <= 65536
    error_message = "storage must be 20 to 65536 GB."
  }
}

variable "max_storage" {
  description = "Storage autoscaling limit in GB; 0 disables autoscaling."
  type        = number
  default     = 100

  validation {
    condition     = var.max_storage == 0 || (var.max_storage >= var.storage && var.max_storage <= 65536)
    error_message = "max_storage must be 0 or from storage to 65536 GB."
  }
}

variable "backups" {
  description = "Days automated backups are kept (0 to 35; 0 disables them)."
  type        = number
  default     = 7

  validation {
    condition     = var.backups >= 0 && var.backups <= 35
    error_message = "backups must be 0 to 35 days."
  }
}

variable "multi_az" {
  description = "Keep a standby in another zone."
  type        = bool
  default     = false
}

variable "deletion_protection" {
  description = "Refuse to delete the instance until this is turned off."
  type        = bool
  default     = true
}

variable "final_snapshot" {
  description = "Take the snapshot <name>-final when the instance is deleted."
  type        = bool
  default     = true
}

variable "iam_auth" {
  description = "Enable IAM database authentication."
  type        = bool
  default     = false
}

variable "password" {
  description = "generated: a write-only password kept in secret_name; rds-managed: RDS's own secret (rotated every 7 days)."
  type        = string
  default     = "generated"

  validation {
    condition     = contains(["generated", "rds-managed"], var.password)
    error_message = "password must be generated or rds-managed."
  }
}

variable "password_version" {
  description = "Version of the generated password; bump it to rotate."
  type        = number
  default     = 1

  validation {
    condition     = var.password_version >= 1 && floor(var.password_version) == var.password_version
    error_message = "password_version must be a whole number from 1."
  }
}

variable "secret_name" {
  description = "Secrets Manager name of the generated password (/<site>/<env>/<database>)."
  type        = string
}

variable "recovery_days" {
  description = "Days a deleted secret can be restored: 0 (deleted at once) or 7 to 30."
  type        = number
  default     = 7

  validation {
    condition     = var.recovery_days == 0 || (var.recovery_days >= 7 && var.recovery_days <= 30)
    error_message = "recovery_days must be 0 or 7 to 30."
  }
}

variable "url_secret" {
  description = "Also keep the connection URL (postgres://user:password@host:port/name) in <secret_name>-url."
  type        = bool
  default     = false

  validation {
    condition     = !var.url_secret || var.password == "generated"
    error_message = "url_secret needs password = generated: an RDS-managed password cannot be embedded."
  }
}
