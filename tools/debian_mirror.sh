#!/usr/bin/env bash
# Prints the Debian archive URI this machine's apt already uses, so that the set-up scripts fetch
# from the machine's own mirror and no host name is written into the repository. It is the first
# enabled `deb` entry of /etc/apt/sources.list, then /etc/apt/sources.list.d/*.list and *.sources
# (one-line and deb822 formats, in apt's order) whose suite is the release's own suite
# (VERSION_CODENAME of /etc/os-release, or stable/testing/unstable/sid...): that excludes the
# security archive, -updates and -backports, and third-party repositories. http(s) URIs only.
#   tools/debian_mirror.sh        prints e.g. http://<mirror>/debian, or exits 1 saying why
set -euo pipefail

codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
files=()
[ -f /etc/apt/sources.list ] && files+=(/etc/apt/sources.list)
for file in /etc/apt/sources.list.d/*; do
	case "$file" in *.list | *.sources) files+=("$file") ;; esac
done
if [ ${#files[@]} -eq 0 ]; then
	echo "debian_mirror: no apt sources in /etc/apt/sources.list or /etc/apt/sources.list.d" >&2
	exit 1
fi

mirror=$(awk -v codename="$codename" '
	function release_suite(suites,    n, list, i) {
		n = split(suites, list, /[[:space:]]+/)
		for (i = 1; i <= n; i++) {
			if (list[i] != "" && (list[i] == codename || list[i] ~ /^(oldstable|stable|testing|unstable|sid)$/)) return 1
		}
		return 0
	}
	function first_http(uris,    n, list, i) {
		n = split(uris, list, /[[:space:]]+/)
		for (i = 1; i <= n; i++) if (list[i] ~ /^https?:\/\//) return list[i]
		return ""
	}
	function offer(types, uris, suites, enabled,    uri) {
		if (found || tolower(enabled) == "no" || (" " types " ") !~ / deb /) return
		uri = first_http(uris)
		if (uri != "" && release_suite(suites)) { sub(/\/+$/, "", uri); print uri; found = 1 }
	}
	# deb822 stanzas: fields until a blank line; continuation lines start with white space.
	function end_stanza() { offer(field["types"], field["uris"], field["suites"], field["enabled"]); delete field; last = "" }
	FNR == 1 && NR > 1 && deb822 { end_stanza() }
	FNR == 1 { deb822 = FILENAME ~ /\.sources$/ }
	/^[[:space:]]*#/ { next }
	!deb822 && /^[[:space:]]*deb[[:space:]]/ {
		line = $0
		sub(/^[[:space:]]*deb[[:space:]]+/, "", line)
		sub(/^\[[^]]*\][[:space:]]*/, "", line)   # [arch=... signed-by=...]
		split(line, word, /[[:space:]]+/)
		offer("deb", word[1], word[2], "yes")
		next
	}
	deb822 && /^[[:space:]]*$/ { end_stanza(); next }
	deb822 && /^[[:space:]]/ { if (last != "") field[last] = field[last] " " $0; next }
	deb822 && /:/ {
		last = tolower(substr($0, 1, index($0, ":") - 1))
		field[last] = substr($0, index($0, ":") + 1)
		gsub(/^[[:space:]]+|[[:space:]]+$/, "", field[last])
	}
	END { if (deb822) end_stanza() }
' "${files[@]}")

if [ -z "$mirror" ]; then
	echo "debian_mirror: no enabled http(s) 'deb' source for the suite ${codename:-of this release} in ${files[*]}" >&2
	exit 1
fi
echo "$mirror"
