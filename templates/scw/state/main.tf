# The bucket every Scaleway root keeps its state in: versioned and private.
# Its bucket policy admits the operator only, so the project-wide rights
# of the sites' application keys do not reach the state.

resource "scaleway_object_bucket" "state" {
  name   = var.bucket
  region = var.region

  versioning {
    enabled = true
  }

  lifecycle {
    prevent_destroy = true
  }
}

resource "scaleway_object_bucket_acl" "state" {
  bucket = scaleway_object_bucket.state.name
  region = var.region
  acl    = "private"
}

resource "scaleway_object_bucket_policy" "state" {
  bucket = scaleway_object_bucket.state.name
  region = var.region
  policy = jsonencode({
    Version = "2023-04-17"
    Statement = [
      {
        Sid       = "Operator"
        Effect    = "Allow"
        Principal = { SCW = "user_id:${var.operator_user_id}" }
        Action    = ["*"]
        Resource  = [scaleway_object_bucket.state.name, "${scaleway_object_bucket.state.name}/*"]
      },
    ]
  })
}
