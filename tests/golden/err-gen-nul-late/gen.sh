# NUL bytes after the first 8,000 bytes: not a binary file by git's rule
# (which looks only that far), so the scanner meets them and says where:
# in a comment, in a string, and between tokens.
awk 'BEGIN {
	for (i = 0; i < 100; i++)
		printf "# %078d\n", i
	printf "environments = [\"production\"]\n\n"
	printf "# a comment with a NUL: \"%c\"\n", 0
	printf "site \"sh%cop\" {\n", 0
	printf "  %c app_domain = \"shop.example.com\"\n}\n", 0
}' > late.infra
