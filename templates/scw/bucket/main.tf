# A Scaleway Object Storage bucket, private, whose bucket policy admits the
# operator and the site's own applications only: Scaleway IAM cannot scope
# a key to one bucket, so the policy does.

locals {
  resources = [scaleway_object_bucket.this.name, "${scaleway_object_bucket.this.name}/*"]

  operator = [{
    Sid       = "Operator"
    Effect    = "Allow"
    Principal = { SCW = "user_id:${var.operator_user_id}" }
    Action    = ["*"]
    Resource  = local.resources
  }]

  applications = length(var.application_ids) == 0 ? [] : [{
    Sid       = "Applications"
    Effect    = "Allow"
    Principal = { SCW = [for id in var.application_ids : "application_id:${id}"] }
    Action = [
      "s3:ListBucket",
      "s3:GetBucketLocation",
      "s3:GetObject",
      "s3:PutObject",
      "s3:DeleteObject",
      "s3:AbortMultipartUpload",
      "s3:ListMultipartUploadParts",
    ]
    Resource = local.resources
  }]

  public = var.public_read ? [{
    Sid       = "PublicRead"
    Effect    = "Allow"
    Principal = "*"
    Action    = ["s3:GetObject"]
    Resource  = ["${scaleway_object_bucket.this.name}/*"]
  }] : []
}

resource "scaleway_object_bucket" "this" {
  name   = var.name
  region = var.region

  # Objects are versioned unless they expire.
  versioning {
    enabled = var.expiration_days == 0
  }

  lifecycle_rule {
    id                                     = "abort-incomplete-uploads"
    enabled                                = true
    abort_incomplete_multipart_upload_days = 7
  }

  dynamic "lifecycle_rule" {
    for_each = var.expiration_days > 0 ? [var.expiration_days] : []

    content {
      id      = "expiration"
      enabled = true

      expiration {
        days = lifecycle_rule.value
      }
    }
  }

  cors_rule {
    allowed_headers = ["*"]
    allowed_methods = ["GET", "HEAD"]
    allowed_origins = var.cors_origins
    max_age_seconds = 3600
  }
}

resource "scaleway_object_bucket_acl" "this" {
  bucket = scaleway_object_bucket.this.name
  region = var.region
  acl    = "private"
}

resource "scaleway_object_bucket_policy" "this" {
  bucket = scaleway_object_bucket.this.name
  region = var.region
  policy = jsonencode({
    Version   = "2023-04-17"
    Statement = concat(local.operator, local.applications, local.public)
  })
}
