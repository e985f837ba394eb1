# An S3 bucket with the provider's separate resources for each setting:
# private and encrypted by default, TLS only, owner-enforced objects.

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket = aws_s3_bucket.this.id

  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = !var.public_read
  restrict_public_buckets = !var.public_read
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# Objects are versioned unless they expire.
resource "aws_s3_bucket_versioning" "this" {
  count = var.expiration_days > 0 ? 0 : 1

  bucket = aws_s3_bucket.this.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    id     = "abort-incomplete-uploads"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  dynamic "rule" {
    for_each = var.expiration_days > 0 ? [var.expiration_days] : []

    content {
      id     = "expiration"
      status = "Enabled"

      filter {}

      expiration {
        days = rule.value
      }
    }
  }

  # Old versions of a versioned bucket expire, or its size only grows.
  dynamic "rule" {
    for_each = var.expiration_days == 0 && var.noncurrent_expiration_days > 0 ? [var.noncurrent_expiration_days] : []

    content {
      id     = "noncurrent-version-expiration"
      status = "Enabled"

      filter {}

      noncurrent_version_expiration {
        noncurrent_days = rule.value
      }
    }
  }

  # Rules apply to the versioning state of the bucket, so it comes first.
  depends_on = [aws_s3_bucket_versioning.this]
}

resource "aws_s3_bucket_cors_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  cors_rule {
    allowed_headers = ["*"]
    allowed_methods = ["GET", "HEAD"]
    allowed_origins = var.cors_origins
    max_age_seconds = 3600
  }
}

data "aws_iam_policy_document" "this" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  dynamic "statement" {
    for_each = length(var.cloudfront_distribution_arns) > 0 ? [1] : []

    content {
      sid       = "CloudFrontRead"
      actions   = ["s3:GetObject"]
      resources = ["${aws_s3_bucket.this.arn}/*"]

      principals {
        type        = "Service"
        identifiers = ["cloudfront.amazonaws.com"]
      }

      condition {
        test     = "StringEquals"
        variable = "AWS:SourceArn"
        values   = var.cloudfront_distribution_arns
      }
    }
  }

  # While an adopted distribution switches from its origin access
  # identity to origin access control, both may read. This policy then
  # names no distribution, so the distribution can wait for it.
  dynamic "statement" {
    for_each = var.legacy_readers == null ? [] : [var.legacy_readers]

    content {
      sid       = "LegacyOAIRead"
      actions   = ["s3:GetObject"]
      resources = ["${aws_s3_bucket.this.arn}/*"]

      principals {
        type        = "AWS"
        identifiers = [statement.value.oai_iam_arn]
      }
    }
  }

  dynamic "statement" {
    for_each = var.legacy_readers == null ? [] : [var.legacy_readers]

    content {
      sid       = "BridgeCloudFrontRead"
      actions   = ["s3:GetObject"]
      resources = ["${aws_s3_bucket.this.arn}/*"]

      principals {
        type        = "Service"
        identifiers = ["cloudfront.amazonaws.com"]
      }

      condition {
        test     = "ArnLike"
        variable = "AWS:SourceArn"
        values   = ["arn:aws:cloudfront::${statement.value.account_id}:distribution/*"]
      }
    }
  }

  dynamic "statement" {
    for_each = var.public_read ? [1] : []

    content {
      sid       = "PublicRead"
      actions   = ["s3:GetObject"]
      resources = ["${aws_s3_bucket.this.arn}/*"]

      principals {
        type        = "*"
        identifiers = ["*"]
      }
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = data.aws_iam_policy_document.this.json

  # A public-read policy is refused until the access block allows it.
  depends_on = [aws_s3_bucket_public_access_block.this]
}
