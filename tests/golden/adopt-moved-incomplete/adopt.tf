moved {
  from = aws_s3_bucket.richie_media
}
