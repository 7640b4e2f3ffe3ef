# Sourced by the benchmarks that report medians: `median 3 1 2` prints 2 (the mean of the middle two for an even count).
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
