printf '\nsite "beta" {\n  bucket "media" {}\n}\n' >> site.infra
"$BIN" compile --out tree site.infra > /dev/null 2>&1
# beta's file edited by hand, then beta removed from the inputs.
echo "# mine" >> tree/sites/beta/aws/main.tf
sed -i '/site "beta"/,$d' site.infra
