"$BIN" compile --out tree site.infra > /dev/null 2>&1
# A compile killed while it staged its second file, before its commit point.
sed -i 's/bucket "media" {}/bucket "media" {\n    expiration = 30\n  }/' site.infra
SITEINFRA_FAULT=kill:stage:2 "$BIN" compile --out tree site.infra > /dev/null 2>&1
true
