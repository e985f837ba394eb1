"$BIN" compile --out tree site.infra > /dev/null 2>&1
# A compile killed at its first rename, past its commit point.
sed -i 's/bucket "media" {}/bucket "media" {\n    expiration = 30\n  }/' site.infra
SITEINFRA_FAULT=kill:rename:1 "$BIN" compile --out tree site.infra > /dev/null 2>&1
true
