# Sourced by the set-up scripts: an apt configuration of their own in a scratch folder, so they can
# fetch from a Debian suite the machine does not list (sid, trixie-backports) without touching the
# machine's sources or package state.
#   APT_CONFIG=$(private_apt_config DIR "deb [...] URI SUITE main") apt-get update ...
private_apt_config() {
  local dir=$1 source_line=$2
  mkdir -p "$dir"/lists/partial "$dir"/cache/archives/partial
  touch "$dir/status"
  echo "$source_line" > "$dir/sources.list"
  cat > "$dir/apt.conf" <<CONF
Dir::Etc::SourceList "$dir/sources.list";
Dir::Etc::SourceParts "/nonexistent";
Dir::State::Lists "$dir/lists";
Dir::State::status "$dir/status";
Dir::Cache "$dir/cache";
Acquire::Check-Valid-Until "false";
Acquire::Languages "none";
APT::Sandbox::User "root";
CONF
  echo "$dir/apt.conf"
}
