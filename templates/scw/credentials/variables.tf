variable "name" {
  description = "Name of the IAM application (and of its policy)."
  type        = string
}

variable "project_id" {
  description = "Project holding the site's buckets."
  type        = string
}
