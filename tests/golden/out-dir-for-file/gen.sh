"$BIN" compile --out tree site.infra > /dev/null 2>&1
rm tree/sites/acme/aws/main.tf
mkdir tree/sites/acme/aws/main.tf
