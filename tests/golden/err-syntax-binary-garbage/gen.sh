# Binary garbage with a .infra name: NUL bytes, control characters, high
# bytes, stray punctuation and quotes, as a corrupted file would hold.
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000' > garbage.infra
printf '\003\000>\000\001\000\000\000\020\020\000\000\000\000\000\000' >> garbage.infra
printf '@\000\000\000\000\000\000\000\310\342\377\375{"\000\033}\n' >> garbage.infra
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\001\000=[\n' >> garbage.infra
