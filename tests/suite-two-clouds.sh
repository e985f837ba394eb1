#!/bin/sh
# suite-two-clouds.sh: adding "scw" to a site's providers leaves its AWS
# output byte for byte as it was: the AWS root and modules of app-stack
# sites compiled with ["aws"] and with ["aws", "scw"] are the same.
set -u
. "$(dirname "$0")/lib.sh"

site() {
	cat <<EOT
environments = ["production", "staging"]

state "aws" {
  bucket = "example-terraform-state"
  region = "eu-west-1"
}

state "scw" {
  bucket = "example-terraform-state-scw"
  region = "fr-par"
}

domain "example.org" {
  dns = "route53"
}

site "shop" {
$1

  bucket "media" {}

  credentials {}

  secret "signing_key" {
    generate = 64
  }

  database "main" {
    storage             = { production = 100, default = 20 }
    deletion_protection = false
    final_snapshot      = false
  }

  email "notify" {
    domain = "\${env}.example.org"
    send   = "smtp"
  }

  service "web" {
    image   = "shop/web:2.1"
    port    = 8000
    cpu     = 512
    memory  = 1024
    count   = { production = 2, default = 1 }
  }

  service "worker" {
    image   = "shop/web:2.1"
    port    = 8000
    public  = false
    command = ["celery", "worker"]
    env     = "web"
  }

  task "migrate" {
    service = "web"
    command = ["python", "manage.py", "migrate"]
  }

  env "web" {
    DATABASE_URL = database.main.url
    SIGNING_KEY  = secret.signing_key
    MAIL_HOST    = email.notify.host
    MAIL_PASS    = email.notify.password
    MEDIA_BUCKET = bucket.media.name
    S3_KEY       = credentials.access_key
  }
}
EOT
}

aws_tree() {
	(cd "$1" && find sites/shop/aws modules/aws -type f -print0 |
	    LC_ALL=C sort -z | xargs -0 sha256sum)
}

mkdir -p "$work/one" "$work/two"
site '  providers = ["aws"]' > "$work/one/shop.infra"
site '  providers = ["aws", "scw"]
  region    = { aws = "eu-west-1", scw = "fr-par" }' > "$work/two/shop.infra"
for d in one two; do
	# From inside each directory: the headers name the same input.
	if (cd "$work/$d" && "$BIN" compile --out out shop.infra) \
	    > /dev/null 2> "$work/$d/err"; then
		ok
	else
		ko "$d: compile failed"
		sed 's/^/    /' "$work/$d/err"
	fi
done
if [ -d "$work/two/out/sites/shop/scw" ]; then ok; else ko "two: no Scaleway root"; fi
aws_tree "$work/one/out" > "$work/one/sums"
aws_tree "$work/two/out" > "$work/two/sums"
if [ -s "$work/one/sums" ] && cmp -s "$work/one/sums" "$work/two/sums"; then
	ok
else
	ko "the AWS output changes with \"scw\" among the providers"
	diff -u "$work/one/sums" "$work/two/sums" | head -20 | sed 's/^/    /'
fi
# The same holds file by file, not only for the list of hashes.
if diff -r "$work/one/out/sites/shop/aws" "$work/two/out/sites/shop/aws" \
    > "$work/diff" 2>&1; then
	ok
else
	ko "sites/shop/aws differs"
	head -20 "$work/diff" | sed 's/^/    /'
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
