# An input that is a symbolic link (to a credentials file, say) is refused
# before it is read, so no excerpt can show what it points to.
printf 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' > credentials
ln -s ../credentials sites/e.infra
