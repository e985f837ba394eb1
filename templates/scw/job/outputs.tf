output "start_command" {
  description = "The command that starts one run of the job."
  value       = "scw jobs definition start ${split("/", scaleway_job_definition.this.id)[1]} region=${split("/", scaleway_job_definition.this.id)[0]}"
}
