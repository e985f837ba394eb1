"$BIN" compile --out tree site.infra > /dev/null 2>&1
# A manifest a pull request could carry: a line that is not one, a path
# out of the tree, the bootstrap state, a line given twice.
m=tree/.siteinfra.manifest
h=$(head -c 64 $m)
{
	echo "not a manifest line"
	echo "$h  sites/acme/../../../victim.txt"
	echo "$h  state/aws/terraform.tfstate"
	head -n 1 $m
} >> $m
