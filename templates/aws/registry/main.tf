# Tags are immutable: a tag names one image forever, so promoting the tag
# of dev to prod runs the very image dev ran.
resource "aws_ecr_repository" "this" {
  name                 = var.name
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "AES256"
  }
}

resource "aws_ecr_lifecycle_policy" "this" {
  repository = aws_ecr_repository.this.name

  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Keep the last ${var.keep_images} images"
      selection = {
        tagStatus   = "any"
        countType   = "imageCountMoreThan"
        countNumber = var.keep_images
      }
      action = { type = "expire" }
    }]
  })
}

# The environments' accounts may pull, nothing else: their execution
# roles already have ecr:GetAuthorizationToken through the ECS policy.
resource "aws_ecr_repository_policy" "this" {
  count = length(var.pull_account_ids) > 0 ? 1 : 0

  repository = aws_ecr_repository.this.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PullFromEnvironmentAccounts"
      Effect    = "Allow"
      Principal = { AWS = [for a in var.pull_account_ids : "arn:aws:iam::${a}:root"] }
      Action = [
        "ecr:BatchCheckLayerAvailability",
        "ecr:BatchGetImage",
        "ecr:GetDownloadUrlForLayer",
      ]
    }]
  })
}

# Which tag each environment runs. CI writes it after a push; the value
# starts as "unpublished", which the environments' plans refuse, and
# Terraform never writes it again.
resource "aws_ssm_parameter" "image" {
  for_each = var.pointers

  name  = each.value
  type  = "String"
  value = "unpublished"

  lifecycle {
    ignore_changes = [value, insecure_value]
  }
}
