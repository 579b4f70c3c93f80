#!/usr/bin/env bash
# Brings a project's PublicAPI.Unshipped.txt (src/LossGen, or the folder given: src/LossGen.Orleans) in line with the code after a deliberate public API change:
# builds src/LossGen, adds every symbol RS0016 names (public but not listed) and removes every one RS0017
# names (listed but gone), keeps the file sorted, then builds again to show it is clean. Review the diff.
set -uo pipefail
cd "$(dirname "$0")/.."
dir=${1:-src/LossGen}
project=$dir/$(basename "$dir").csproj
file=$dir/PublicAPI.Unshipped.txt
log=$(mktemp)
dotnet build "$project" -c Release --no-incremental > "$log" 2>&1
extract() { # rule id
  grep -E "error $1:" "$log" | sed -E "s/.*Symbol '(.*)' is (not part of the declared public API|part of the declared API, but is either not public or could not be found).*/\1/" | sort -u
}
added=$(extract RS0016)
removed=$(extract RS0017)
{
  echo '#nullable enable'
  { grep -v '^#nullable enable$' "$file"; [ -n "$added" ] && echo "$added"; } |
    grep -v -x -F -f <(printf '%s\n' "$removed" | sed '/^$/d'; echo '#nullable enable') | sed '/^$/d' | LC_ALL=C sort -u
} > "$file.new"
mv "$file.new" "$file"
rm -f "$log"
echo "added $(printf '%s' "$added" | grep -c .) and removed $(printf '%s' "$removed" | grep -c .) lines of $file"
dotnet build "$project" -c Release
