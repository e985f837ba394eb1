"$BIN" compile --out tree site.infra > /dev/null 2>&1
# A site's directory replaced by a link to a directory out of the tree.
mv tree/sites/acme elsewhere
ln -s ../../elsewhere tree/sites/acme
