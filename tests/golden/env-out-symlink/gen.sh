# The destination of env -o is a symbolic link: refused, even with --force,
# and its target is left as it was.
echo 'keep' > target.txt
ln -s target.txt demo.env
