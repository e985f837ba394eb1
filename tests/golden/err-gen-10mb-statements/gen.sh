# 10 MiB of statements that look right but are all broken: a missing '=',
# a '//' comment, a fractional number, an unclosed list.  The parser must
# stop early and show only the capped number of errors.
awk 'BEGIN {
	n = 0
	for (i = 0; n < 10485760; i++) {
		s = sprintf("site \"shop-%d\" {\n  app_domain \"shop-%d.example.com\"\n  // media\n  bucket \"media\" {\n    expiration = 1.5\n    cors_origins = [\"*\",\n  }\n}\n\n", i, i)
		printf "%s", s
		n += length(s)
	}
}' > statements.infra
