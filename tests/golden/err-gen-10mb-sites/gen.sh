# 10 MiB of well-formed sites (about 95,000), each with a misspelled
# attribute: the whole file is parsed and checked, and only the first
# errors are shown.
awk 'BEGIN {
	printf "environments = [\"production\", \"staging\"]\n\nstate \"aws\" {\n  bucket = \"example-terraform-state\"\n  region = \"eu-west-1\"\n}\n"
	n = 0
	for (i = 0; n < 10485760; i++) {
		s = sprintf("\nsite \"shop-%d\" {\n  app_domian = \"shop-%d.example.com\"\n\n  bucket \"media\" {\n    expiration = %d\n  }\n\n  cdn {}\n  credentials {}\n}\n", i, i, i % 365)
		printf "%s", s
		n += length(s)
	}
}' > sites.infra
