moved {
  from = terraform_data.funmooc_media
  to   = terraform_data.richie_media
}

moved {
  from = terraform_data.richie_media
  to   = module.bucket_media.terraform_data.this
}

moved {
  from = terraform_data.richie_user
  to   = terraform_data.user
}

removed {
  from = terraform_data.richie_oai

  lifecycle {
    destroy = false
  }
}
