# The shop site ran on both providers and now runs on AWS only: its
# Scaleway root is not deleted while its state may hold the buckets.
"$BIN" compile --out out site.infra > /dev/null 2>&1
sed -i 's/providers = \["aws", "scw"\]/providers = ["aws"]/; s/region    = { aws = "eu-west-1", scw = "fr-par" }/region    = "eu-west-1"/' site.infra
