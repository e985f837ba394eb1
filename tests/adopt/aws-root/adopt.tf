moved {
  from = aws_s3_bucket.richie_media
  to   = module.bucket_media.aws_s3_bucket.this
}

moved {
  from = aws_s3_bucket_policy.richie_media_bucket_policy
  to   = module.bucket_media.aws_s3_bucket_policy.this
}

moved {
  from = aws_cloudfront_distribution.richie_cloudfront_distribution
  to   = module.cdn.aws_cloudfront_distribution.this
}

moved {
  from = aws_iam_user.richie_user
  to   = module.credentials.aws_iam_user.this
}

moved {
  from = aws_iam_access_key.richie_access_key
  to   = module.credentials.aws_iam_access_key.this
}

removed {
  from = aws_cloudfront_origin_access_identity.richie_oai
  lifecycle {
    destroy = false
  }
}
