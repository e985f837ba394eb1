output "id" {
  description = "Id of the secret."
  value       = scaleway_secret.this.id
}

output "value" {
  description = "The secret's value, for secret environment variables."
  value = (var.length != null ? random_password.this[0].result : var.given ? var.value :
  var.read ? base64decode(data.scaleway_secret_version.this[0].data) : null)
  sensitive = true
}

output "put_value_command" {
  description = "Command that sets the secret (its value on stdin)."
  value       = "scw secret version create ${split("/", scaleway_secret.this.id)[1]} region=${split("/", scaleway_secret.this.id)[0]} data=@/dev/stdin"
}
