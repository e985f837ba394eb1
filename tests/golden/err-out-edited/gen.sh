"$BIN" compile --out out site.infra > /dev/null 2>&1
# A hand edit of a generated file, and a file of someone else's where a
# new site's file is to go.
echo "# mine" >> out/sites/acme/aws/main.tf
printf '\nsite "beta" {\n  bucket "media" {}\n}\n' >> site.infra
mkdir -p out/sites/beta/aws
echo "# not generated" > out/sites/beta/aws/main.tf
