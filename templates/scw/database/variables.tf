variable "name" {
  description = "Name of the instance (<env>-<site>-<database>)."
  type        = string
}

variable "engine" {
  description = "Engine and major version, PostgreSQL-<version>."
  type        = string
}

variable "node_type" {
  description = "Node type of the instance."
  type        = string
}

variable "ha" {
  description = "A high-availability cluster (changing it recreates the instance)."
  type        = bool
}

variable "storage" {
  description = "Volume size, GB (a multiple of 5)."
  type        = number
}

variable "db_name" {
  description = "Name of the database the app uses."
  type        = string
}

variable "user" {
  description = "The instance's first user, owner of the database."
  type        = string
}

variable "password_version" {
  description = "Bump to generate a new password."
  type        = number
}

variable "backups" {
  description = "Days of daily backups kept; 0: no backups."
  type        = number
}

variable "private_network_id" {
  description = "The private network the instance is reachable on."
  type        = string
}

variable "label" {
  description = "The database's label, in its secrets' names."
  type        = string
}

variable "secret_path" {
  description = "Secret Manager path of its secrets (/<site>/<env>)."
  type        = string
}
