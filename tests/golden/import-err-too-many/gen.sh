# 65 site directories, one more than import takes.
i=0
while [ $i -lt 65 ]; do
	mkdir -p checkout/sites/s$i/aws
	printf 'site = "s%d"\napp_domain = { production = "s%d.example.com" }\n' $i $i > checkout/sites/s$i/aws/config.tfvars
	i=$((i + 1))
done
