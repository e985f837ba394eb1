# 10 MiB of garbage: a 10 KiB block of pseudo-random bytes doubled ten
# times.  The generator is a small linear congruential one whose products
# stay exact in any awk, so every machine makes the same file.  No NUL
# byte: that would make it a binary file, refused before the scanner runs,
# and this case is about the scanner surviving 10 MiB of garbage.
awk 'BEGIN {
	x = 12345
	for (i = 0; i < 10240; i++) {
		x = (x * 75 + 74) % 65537
		printf "\\%03o", x % 255 + 1
	}
}' > block.oct
printf "$(cat block.oct)" > garbage.infra
rm -f block.oct
i=0
while [ $i -lt 10 ]; do
	cat garbage.infra garbage.infra > block.tmp
	mv block.tmp garbage.infra
	i=$((i + 1))
done
