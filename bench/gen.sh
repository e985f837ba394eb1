#!/bin/sh
# gen.sh N DIR: writes a deterministic workload of N sites into DIR/sites:
# three environments; every second site has a custom CDN domain, every
# third runs on both providers, every fifth has expiring media, every
# seventh AWS-only one is an app stack (a service, its database, a secret).
set -eu
n=$1
dir=$2
mkdir -p "$dir/sites"
cat > "$dir/sites/000-common.infra" <<'EOF2'
environments = ["production", "preprod", "staging"]

state "aws" {
  bucket = "bench-terraform-state"
  region = "eu-west-1"
}

state "scw" {
  bucket = "bench-terraform-state"
  region = "fr-par"
}

domain "bench.example.org" {
  dns = "route53"
}
EOF2
awk -v n="$n" -v dir="$dir/sites" 'BEGIN {
	for (i = 0; i < n; i++) {
		f = sprintf("%s/site%05d.infra", dir, i)
		s = sprintf("site%05d", i)
		print "site \"" s "\" {" > f
		if (i % 3 == 0) {
			print "  providers = [\"aws\", \"scw\"]" > f
			print "  region = {\n    aws = \"eu-west-1\"\n    scw = \"fr-par\"\n  }\n" > f
		}
		print "  app_domain = {" > f
		print "    production = \"" s ".bench.example.org\"" > f
		print "    default    = \"" s "-${env}.bench.example.org\"" > f
		print "  }\n" > f
		if (i % 5 == 0)
			print "  bucket \"media\" {\n    expiration = 2\n  }\n" > f
		else
			print "  bucket \"media\" {}\n" > f
		print "  cdn {" > f
		if (i % 3 != 0)
			print "    static = true" > f
		if (i % 2 == 0)
			print "    domain = \"cdn-" s "-${env}.bench.example.org\"" > f
		print "  }\n\n  credentials {}" > f
		if (i % 7 == 1 && i % 3 != 0) {
			print "\n  secrets = { app_key = 50 }\n" > f
			print "  database \"main\" {}\n" > f
			print "  service \"web\" {\n    image  = \"bench/web:1.0\"\n" \
			    "    port   = 8000\n    domain = \"app-" s \
			    "-${env}.bench.example.org\"\n  }\n" > f
			print "  env \"web\" {\n    SECRET_KEY = secret.app_key\n" \
			    "    DB_HOST    = database.main.host\n  }" > f
		}
		print "}" > f
		close(f)
	}
}'
