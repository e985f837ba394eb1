output "host" {
  description = "Private-network IP of the instance."
  value       = scaleway_rdb_instance.this.private_network[0].ip
}

output "port" {
  description = "Port of the instance on the private network."
  value       = scaleway_rdb_instance.this.private_network[0].port
}

output "endpoint" {
  description = "host:port on the private network."
  value       = "${scaleway_rdb_instance.this.private_network[0].ip}:${scaleway_rdb_instance.this.private_network[0].port}"
}

output "db_name" {
  description = "Name of the database."
  value       = scaleway_rdb_database.this.name
}

output "username" {
  description = "The database's user."
  value       = var.user
}

output "password" {
  description = "The user's password."
  value       = random_password.this.result
  sensitive   = true
}

output "url" {
  description = "postgres://user:password@host:port/name"
  value       = "postgres://${var.user}:${random_password.this.result}@${scaleway_rdb_instance.this.private_network[0].ip}:${scaleway_rdb_instance.this.private_network[0].port}/${scaleway_rdb_database.this.name}"
  sensitive   = true
}

output "password_secret_id" {
  description = "Secret Manager id of the password."
  value       = scaleway_secret.password.id
}

output "url_secret_id" {
  description = "Secret Manager id of the URL."
  value       = scaleway_secret.url.id
}
