"$BIN" compile --out tree site.infra > /dev/null 2>&1
# A journal whose commit record does not match its steps.
printf 'siteinfra-journal 1 1\nw README.md\ncommit 0123456789abcdef\n' > tree/.siteinfra.journal
