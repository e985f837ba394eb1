# A generated file edited by hand: --check does not say "run siteinfra
# compile" (compile would refuse), it says what compile would ask.
"$BIN" compile --out out site.infra > /dev/null 2>&1
echo "# mine" >> out/sites/shop/aws/main.tf
