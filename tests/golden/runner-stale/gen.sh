"$BIN" compile --out tree > /dev/null 2>&1 || exit 1
printf "AWS_ACCESS_KEY_ID=AKIAEXAMPLEONLY\n" > tree/env.d/aws
# A hand edit: the root is no longer what compile writes.
echo "# edited" >> tree/sites/shop/aws/main.tf
